import { afterEach, describe, expect, it } from 'vitest';
import { installFakeBrowser, popupSender, storageLatency } from './fuzz-fake-browser';

// A listing or resync reads the vault, then awaits the settings (the policy read can take seconds
// after a browser start) before it pushes the idle lock back. A Lock, a new unlock or a resync that
// narrowed the keys to the check in that gap must win: the old record is never written back.

const fake = installFakeBrowser();
const { readVault, storeInVault, touchVault, wipeVault } = await import('./vault');
const { routeMessage } = await import('./message-router');
type Record = Parameters<typeof storeInVault>[0];

const record = (unlockedAt: number, accessKeyId = 'ASIAEXAMPLEEXAMPLE00'): Record => ({
  secret: { accessKeyId, secretAccessKey: 'example', sessionToken: 'token' },
  kind: 'temporary',
  identity: { arn: 'arn:aws:iam::123456789012:user/alice', account: '123456789012', userId: 'AIDAEXAMPLE' },
  partition: 'aws',
  unlockedAt,
  idleLockAt: Date.now() + 60_000,
});

afterEach(() => {
  storageLatency.pause = async () => undefined;
  fake.reset();
});

describe('touching the vault after other work', () => {
  it('pushes the idle lock back for the same unlock', async () => {
    await storeInVault(record(1));
    const touched = await touchVault(record(1), 15, 1_000);
    expect(touched?.idleLockAt).toBe(1_000 + 15 * 60_000);
    expect((await readVault(2_000))?.idleLockAt).toBe(1_000 + 15 * 60_000);
  });

  it('writes nothing back after a Lock, a re-unlock or a narrowing to the check', async () => {
    await storeInVault(record(1));
    await wipeVault();
    expect(await touchVault(record(1), 15)).toBeUndefined();
    expect(await readVault()).toBeUndefined();

    await storeInVault(record(2, 'ASIAOTHEROTHEROTHER0'));
    expect(await touchVault(record(1), 15)).toBeUndefined();
    expect((await readVault())?.secret.accessKeyId).toBe('ASIAOTHEROTHEROTHER0');

    await storeInVault({ ...record(3), checkOnly: true });
    expect(await touchVault(record(3), 15)).toBeUndefined();
    expect((await readVault())?.checkOnly).toBe(true);
  });

  it('a Lock that lands while a listing awaits the settings leaves the vault empty', async () => {
    await storeInVault(record(1));
    storageLatency.pause = () => new Promise((done) => setTimeout(done, 5));
    const listing = routeMessage({ type: 'devices/list' }, popupSender);
    await new Promise((done) => setTimeout(done, 7)); // the listing has read the vault
    expect(await routeMessage({ type: 'vault/lock' }, popupSender)).toMatchObject({ ok: true });
    expect(await listing).toMatchObject({ ok: false, error: { code: 'Locked' } });
    expect(await readVault()).toBeUndefined();
  });
});
