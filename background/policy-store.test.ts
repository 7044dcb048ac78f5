import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeBrowser } from './fuzz-fake-browser';
import type { VaultRecord } from './vault';

// Enterprise policy in the background: reading managed storage (no policy, an unreadable one, the
// build's loopback rule), and bringing an open session in line when the policy changes under it.

type Listener = (changes: Record<string, unknown>, area: string) => void;
const fake = installFakeBrowser();
// A storage.onChanged that keeps its listeners, installed before the modules register theirs.
const listeners = new Set<Listener>();
Object.assign(fake.storage, {
  onChanged: {
    hasListener: (listener: Listener) => listeners.has(listener),
    addListener: (listener: Listener) => void listeners.add(listener),
  },
});
// Imported after the fake exists: src/shared/browser.ts reads globalThis.browser at import.
const { enforcePolicyOnVault, readPolicy, watchManagedPolicy } = await import('./policy-store');
const { storeInVault } = await import('./vault');

const noPolicy = fake.storage.managed.get;
const setPolicy = (policy: Record<string, unknown>) => (fake.storage.managed.get = async () => policy);
const NOW = Date.parse('2026-12-03T08:00:00Z');
const record = (changes: Partial<VaultRecord> = {}): VaultRecord => ({
  secret: { accessKeyId: 'AKIAEXAMPLEEXAMPLE00', secretAccessKey: 'example-secret' },
  kind: 'long-term',
  identity: { arn: 'arn:aws:iam::123456789012:user/alice', account: '123456789012', userId: 'AIDAEXAMPLE' },
  partition: 'aws',
  unlockedAt: NOW - 60_000,
  idleLockAt: NOW + 10 * 60_000,
  ...changes,
});
const stored = () => fake.storage.session.items.get('vault') as VaultRecord | undefined;

afterEach(() => {
  fake.reset();
  fake.storage.managed.get = noPolicy;
  Object.assign(globalThis, { __SANDBOX_BUILD__: false });
  vi.restoreAllMocks();
});

describe('readPolicy', () => {
  it('takes a missing policy (either browser’s wording) as no policy, not an error', async () => {
    expect(await readPolicy()).toEqual({ policy: {}, errors: [] });
    fake.storage.managed.get = () => Promise.reject(new Error('No managed storage for this extension'));
    expect(await readPolicy()).toEqual({ policy: {}, errors: [] });
  });

  it('reports any other failure as an unreadable policy, also when the rejection is no Error', async () => {
    const unreadable = { policy: {}, errors: [{ key: '*', problem: 'unreadable' }] };
    fake.storage.managed.get = () => Promise.reject(new Error('IO error: policy file locked'));
    expect(await readPolicy()).toEqual(unreadable);
    fake.storage.managed.get = () => Promise.reject('manifest not found, as a string');
    expect(await readPolicy()).toEqual({ policy: {}, errors: [] });
    fake.storage.managed.get = () => Promise.reject('broken');
    expect(await readPolicy()).toEqual(unreadable);
  });

  it('parses what is there, and allows a plain-http loopback endpoint only in the sandbox build', async () => {
    setPolicy({ idleLockMinutes: 5, endpoints: { override: 'http://127.0.0.1:4566' } });
    expect(await readPolicy()).toEqual({
      policy: { idleLockMinutes: 5 },
      errors: [{ key: 'endpoints.override', problem: 'endpoint-not-allowed' }],
    });
    Object.assign(globalThis, { __SANDBOX_BUILD__: true });
    expect(await readPolicy()).toEqual({
      policy: { idleLockMinutes: 5, endpoints: { override: 'http://127.0.0.1:4566' } },
      errors: [],
    });
  });
});

describe('enforcePolicyOnVault', () => {
  it('leaves a locked vault alone', async () => {
    setPolicy({ allowedAccountIds: ['111122223333'] });
    await enforcePolicyOnVault(NOW);
    expect(fake.storage.session.items.size).toBe(0);
  });

  it('wipes credentials of an account the policy no longer allows, and says so without details', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    await storeInVault(record());
    setPolicy({ allowedAccountIds: ['111122223333'] });
    await enforcePolicyOnVault(NOW);
    expect(stored()).toBeUndefined();
    expect(fake.scheduledAlarms.size).toBe(0);
    expect(info).toHaveBeenCalledWith(
      '[mfa-resync] policy changed: the unlocked credentials are no longer allowed; wiped',
    );
  });

  it('wipes long-term keys once the policy refuses them, and keeps temporary credentials', async () => {
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    setPolicy({ allowLongTermKeys: false, allowedAccountIds: ['123456789012'] });
    await storeInVault(record({ kind: 'temporary' }));
    await enforcePolicyOnVault(NOW);
    expect(stored()).toEqual(record({ kind: 'temporary' }));
    await storeInVault(record());
    await enforcePolicyOnVault(NOW);
    expect(stored()).toBeUndefined();
  });

  it('keeps long-term keys the user allowed while the policy says nothing about them', async () => {
    fake.reset({ settings: { allowLongTermKeys: true } });
    await storeInVault(record());
    await enforcePolicyOnVault(NOW);
    expect(stored()).toEqual(record());
  });

  it('brings a shorter idle lock and a session maximum forward at once, and never pushes one back', async () => {
    fake.reset({ settings: { allowLongTermKeys: true } });
    await storeInVault(record());
    setPolicy({ idleLockMinutes: 5, sessionMaxMinutes: 20 });
    await enforcePolicyOnVault(NOW);
    const expiration = new Date(NOW - 60_000 + 20 * 60_000).toISOString();
    expect(stored()).toEqual(record({ idleLockAt: NOW + 5 * 60_000, expiration }));
    expect(fake.scheduledAlarms.get('vault-idle')).toBe(NOW + 5 * 60_000);
    // A longer idle lock later does not extend this one.
    setPolicy({ idleLockMinutes: 60 });
    await enforcePolicyOnVault(NOW);
    expect(stored()).toEqual(record({ idleLockAt: NOW + 5 * 60_000, expiration }));
  });

  it('writes nothing when the policy changes nothing for this session', async () => {
    fake.reset({ settings: { allowLongTermKeys: true } });
    await storeInVault(record());
    fake.scheduledAlarms.clear();
    const set = vi.spyOn(fake.storage.session, 'set');
    setPolicy({ idleLockMinutes: 60 });
    await enforcePolicyOnVault(NOW);
    expect(set).not.toHaveBeenCalled();
    expect(fake.scheduledAlarms.size).toBe(0);
    // The expiry alone changing is written.
    setPolicy({ sessionMaxMinutes: 20 });
    await enforcePolicyOnVault(NOW);
    expect(stored()?.expiration).toBe(new Date(NOW - 60_000 + 20 * 60_000).toISOString());
  });
});

describe('watchManagedPolicy', () => {
  it('registers one listener however often it is called, which acts on managed-storage changes only', async () => {
    watchManagedPolicy();
    watchManagedPolicy();
    expect(listeners.size).toBe(1);
    const [listener] = [...listeners];
    vi.spyOn(console, 'info').mockImplementation(() => undefined);
    await storeInVault(record({ idleLockAt: Date.now() + 60_000 }));
    setPolicy({ allowedAccountIds: ['111122223333'] });
    listener!({}, 'local');
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(stored()).toBeDefined();
    listener!({}, 'managed');
    await vi.waitFor(() => expect(stored()).toBeUndefined());
  });
});
