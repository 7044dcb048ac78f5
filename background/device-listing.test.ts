import { afterEach, describe, expect, it } from 'vitest';
import { installFakeBrowser, popupSender } from './fuzz-fake-browser';

// The session's last device list: shown by a reopened popup only for the unlock that made it, and
// gone with the vault.

const fake = installFakeBrowser();
// Imported after the fake exists: src/shared/browser.ts reads globalThis.browser at import.
const { readListing, rememberListing } = await import('./device-listing');
const { storeInVault, wipeVault } = await import('./vault');
const { routeMessage } = await import('./message-router');
type Record = Parameters<typeof storeInVault>[0];

const record = (unlockedAt: number): Record => ({
  secret: { accessKeyId: 'ASIAEXAMPLEEXAMPLE00', secretAccessKey: 'example', sessionToken: 'token' },
  kind: 'temporary',
  identity: { arn: 'arn:aws:iam::123456789012:user/alice', account: '123456789012', userId: 'AIDAEXAMPLE' },
  partition: 'aws',
  unlockedAt,
  idleLockAt: Date.now() + 60_000,
});
const list = {
  userName: 'alice',
  devices: [{ serialNumber: 'arn:aws:iam::123456789012:mfa/alice-phone', userName: 'alice', kind: 'virtual' as const }],
};

afterEach(() => fake.reset());

describe('the session device list', () => {
  it('is read back for the same unlock only', async () => {
    await rememberListing(record(1), list);
    expect(await readListing(record(1))).toEqual(list);
    expect(await readListing(record(2))).toBeUndefined();
  });

  it('comes with the status while unlocked, and goes with the vault', async () => {
    await storeInVault(record(5));
    await rememberListing(record(5), list);
    expect(await routeMessage({ type: 'vault/status' }, popupSender)).toMatchObject({
      ok: true,
      value: { devices: list },
    });
    await wipeVault();
    expect(fake.storage.session.items.size).toBe(0);
    const locked = await routeMessage({ type: 'vault/status' }, popupSender);
    expect(locked).not.toMatchObject({ value: { devices: expect.anything() } });
  });
});
