import { afterEach, describe, expect, it } from 'vitest';
import { installFakeBrowser } from './fuzz-fake-browser';

// The vault on its own: when a record stops being readable (idle lock, credential expiry, check
// only), which alarms lock it by themselves, what a wipe leaves behind, and the non-secret view.

const fake = installFakeBrowser();
// Imported after the fake exists: src/shared/browser.ts reads globalThis.browser at import.
const vault = await import('./vault');
const { EXPIRY_ALARM, IDLE_ALARM } = vault;
type VaultRecord = Parameters<typeof vault.storeInVault>[0];

const NOW = Date.parse('2026-12-03T08:00:00Z');
const record = (changes: Partial<VaultRecord> = {}): VaultRecord => ({
  secret: { accessKeyId: 'ASIAEXAMPLEEXAMPLE00', secretAccessKey: 'example-secret', sessionToken: 'token' },
  kind: 'temporary',
  identity: { arn: 'arn:aws:iam::123456789012:user/alice', account: '123456789012', userId: 'AIDAEXAMPLE' },
  partition: 'aws',
  unlockedAt: NOW - 60_000,
  idleLockAt: NOW + 60_000,
  ...changes,
});
const stored = () => fake.storage.session.items.get('vault');

afterEach(() => fake.reset());

describe('vault lifetime', () => {
  it('schedules the idle lock, and the expiry lock only for credentials that expire', async () => {
    await vault.storeInVault(record({ kind: 'long-term' }));
    expect([...fake.scheduledAlarms]).toEqual([[IDLE_ALARM, NOW + 60_000]]);
    await vault.storeInVault(record({ expiration: '2026-12-03T09:00:00Z' }));
    expect(fake.scheduledAlarms.get(IDLE_ALARM)).toBe(NOW + 60_000);
    expect(fake.scheduledAlarms.get(EXPIRY_ALARM)).toBe(Date.parse('2026-12-03T09:00:00Z'));
    expect(IDLE_ALARM).not.toBe(EXPIRY_ALARM);
  });

  it('reads the record until the idle lock time, and wipes it from that moment on', async () => {
    await vault.storeInVault(record());
    expect(await vault.readVault(NOW + 59_999)).toEqual(record());
    expect(await vault.readVault(NOW + 60_000)).toBeUndefined();
    expect(stored()).toBeUndefined();
  });

  it('wipes credentials from the moment they expire, even before the idle lock', async () => {
    const expiring = record({ expiration: new Date(NOW + 10_000).toISOString() });
    await vault.storeInVault(expiring);
    expect(await vault.readVault(NOW + 9_999)).toEqual(expiring);
    expect(await vault.readVault(NOW + 10_000)).toBeUndefined();
    expect(stored()).toBeUndefined();
    expect(fake.scheduledAlarms.size).toBe(0);
  });

  it('is locked when empty, for work too', async () => {
    expect(await vault.readVault(NOW)).toBeUndefined();
    expect(await vault.readVaultForWork(NOW)).toBeUndefined();
  });

  it('keeps a record for the check only: not for work, and for CHECK_WINDOW_MS at most', async () => {
    await vault.keepForCheck(record({ idleLockAt: NOW + 60 * 60_000 }), NOW);
    expect(await vault.readVaultForWork(NOW)).toBeUndefined();
    expect(await vault.readVault(NOW)).toMatchObject({ checkOnly: true, idleLockAt: NOW + vault.CHECK_WINDOW_MS });
    expect(fake.scheduledAlarms.get(IDLE_ALARM)).toBe(NOW + vault.CHECK_WINDOW_MS);
    await vault.storeInVault(record());
    expect(await vault.readVaultForWork(NOW)).toEqual(record());
  });

  it('pushes the idle lock back on use, stored and rescheduled', async () => {
    await vault.storeInVault(record());
    const touched = await vault.touchVault(record(), 5, NOW);
    expect(touched).toEqual(record({ idleLockAt: NOW + 5 * 60_000 }));
    expect(stored()).toEqual(touched);
    expect(fake.scheduledAlarms.get(IDLE_ALARM)).toBe(NOW + 5 * 60_000);
  });

  it('wipes the record, the device listing and both alarms, and nothing else', async () => {
    await vault.storeInVault(record({ expiration: '2026-12-03T09:00:00Z' }));
    await fake.storage.session.set({ deviceListing: { unlockedAt: 1, list: {} }, prefill: { kept: true } });
    await vault.wipeVault();
    expect([...fake.storage.session.items.keys()]).toEqual(['prefill']);
    expect(fake.scheduledAlarms.size).toBe(0);
  });
});

describe('mayBeSessionWithoutMfa', () => {
  it('is an IAM user on temporary credentials not obtained here with MFA', () => {
    expect(vault.mayBeSessionWithoutMfa(record())).toBe(true);
    expect(vault.mayBeSessionWithoutMfa(record({ kind: 'long-term' }))).toBe(false);
    expect(vault.mayBeSessionWithoutMfa(record({ mfaSession: true }))).toBe(false);
    const role = { arn: 'arn:aws:sts::123456789012:assumed-role/Admin/alice', account: '123456789012', userId: 'A' };
    expect(vault.mayBeSessionWithoutMfa(record({ identity: role }))).toBe(false);
  });
});

describe('sessionViewOf', () => {
  it('shows who and how, never the secret', () => {
    const view = vault.sessionViewOf(record({ mfaSession: true, expiration: '2026-12-03T09:00:00Z' }));
    expect(view).toEqual({
      arn: 'arn:aws:iam::123456789012:user/alice',
      account: '123456789012',
      userName: 'alice',
      credentialKind: 'temporary',
      mfaSession: true,
      partition: 'aws',
      expiration: '2026-12-03T09:00:00Z',
      idleLockAt: NOW + 60_000,
    });
    expect(JSON.stringify(view)).not.toContain('example-secret');
  });

  it('takes the user name after an IAM path, and none from a role session', () => {
    const withPath = { arn: 'arn:aws:iam::123456789012:user/division/team/bob', account: '123456789012', userId: 'A' };
    expect(vault.sessionViewOf(record({ identity: withPath })).userName).toBe('bob');
    const role = { arn: 'arn:aws:sts::123456789012:assumed-role/Admin/alice', account: '123456789012', userId: 'A' };
    const view = vault.sessionViewOf(record({ identity: role, kind: 'long-term', checkOnly: true }));
    expect(view).not.toHaveProperty('userName');
    expect(view).toMatchObject({ credentialKind: 'long-term', checkOnly: true });
    expect(view).not.toHaveProperty('mfaSession');
    expect(view).not.toHaveProperty('expiration');
  });
});
