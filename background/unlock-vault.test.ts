import { describe, expect, it } from 'vitest';
import { seedUser } from '../e2e/harness/demo-users';
import {
  callsTo,
  inject,
  injectFault,
  keysPaste,
  longTermPaste,
  BOB_VIEW,
  routerAgainstSandbox,
  sessionPaste,
  settingsFor,
} from './router-sandbox-kit';

// vault/unlock through the real router and the node SDK, against the sandbox: what a refused
// paste tells the popup (never a value from it), what the policy refuses, what is kept, and that a
// failed unlock leaves nothing of the previous one.

const { sb, fake, send, vault } = await routerAgainstSandbox();
const unlock = (paste: string, profile?: string) =>
  send({ type: 'vault/unlock', paste, ...(profile === undefined ? {} : { profile }) });
const bob = seedUser('bob');
const iniOf = (...profiles: string[]) =>
  profiles
    .map((name) => `[${name}]\naws_access_key_id = ${bob.accessKeyId}\naws_secret_access_key = ${bob.secretAccessKey}`)
    .join('\n');

describe('vault/unlock: refused pastes', () => {
  it('says what is missing, in which format, without sending anything', async () => {
    expect(await unlock(`export AWS_ACCESS_KEY_ID=${bob.accessKeyId}`)).toEqual({
      ok: false,
      error: { code: 'InvalidPaste', problem: 'missing-fields', format: 'bash', missing: ['secretAccessKey'] },
    });
    expect(await unlock('hello')).toEqual({ ok: false, error: { code: 'InvalidPaste', problem: 'unrecognized' } });
    expect(await callsTo(sb.url, 'GetCallerIdentity')).toEqual([]);
  });

  it('asks which profile of several, and unlocks with the one picked', async () => {
    expect(await unlock(iniOf('dev', 'prod'))).toEqual({
      ok: false,
      error: { code: 'InvalidPaste', problem: 'pick-profile', format: 'ini-profile', profiles: ['dev', 'prod'] },
    });
    expect(await unlock(iniOf('dev', 'prod'), 'prod')).toMatchObject({ ok: true, value: { userName: 'bob' } });
  });

  it('refuses long-term keys when the settings do not allow them, and keeps nothing', async () => {
    fake.reset(settingsFor(sb.url, { allowLongTermKeys: false }));
    expect(await unlock(longTermPaste('bob'))).toEqual({ ok: false, error: { code: 'LongTermKeysNotAllowed' } });
    expect(vault()).toBeUndefined();
    // Temporary credentials are still fine.
    expect(await unlock(sessionPaste('ASIASANDBOXCAROL0005'))).toMatchObject({ ok: true });
  });
});

describe('vault/unlock: proven with GetCallerIdentity', () => {
  it('keeps the keys with the identity STS named, and the idle lock from the settings', async () => {
    fake.reset(settingsFor(sb.url, { idleLockMinutes: 7 }));
    const before = Date.now();
    const reply = await unlock(longTermPaste('bob'));
    expect(reply).toEqual({
      ok: true,
      value: {
        ...BOB_VIEW,
        credentialKind: 'long-term',
        partition: 'aws',
        idleLockAt: vault()!.idleLockAt,
      },
    });
    expect(vault()).toEqual({
      secret: { accessKeyId: bob.accessKeyId, secretAccessKey: bob.secretAccessKey },
      kind: 'long-term',
      identity: { arn: 'arn:aws:iam::123456789012:user/bob', account: '123456789012', userId: bob.userId },
      partition: 'aws',
      unlockedAt: expect.any(Number),
      idleLockAt: vault()!.unlockedAt + 7 * 60_000,
    });
    expect(vault()!.unlockedAt).toBeGreaterThanOrEqual(before);
    expect(vault()!.unlockedAt).toBeLessThanOrEqual(Date.now());
  });

  it('keeps a session token, and takes the partition from the ARN over the settings', async () => {
    fake.reset(settingsFor(sb.url, { partition: 'aws-us-gov' }));
    expect(await unlock(sessionPaste('ASIASANDBOXCAROL0005'))).toMatchObject({
      ok: true,
      value: { credentialKind: 'temporary', partition: 'aws' },
    });
    expect(vault()?.secret.sessionToken).toBe(
      sessionPaste('ASIASANDBOXCAROL0005').match(/AWS_SESSION_TOKEN=(.+)$/)?.[1],
    );
    expect(vault()?.partition).toBe('aws');
  });

  it("ends the session at the policy's maximum", async () => {
    fake.storage.managed.get = async () => ({ sessionMaxMinutes: 10 });
    await unlock(longTermPaste('bob'));
    expect(vault()?.expiration).toBe(new Date(vault()!.unlockedAt + 10 * 60_000).toISOString());
  });

  it('refuses an account the policy does not allow, naming it, and keeps nothing', async () => {
    fake.storage.managed.get = async () => ({ allowedAccountIds: ['111122223333'] });
    expect(await unlock(longTermPaste('bob'))).toEqual({
      ok: false,
      error: { code: 'AccountNotAllowed', detail: '123456789012' },
    });
    expect(vault()).toBeUndefined();
    expect(fake.scheduledAlarms.size).toBe(0);
    fake.storage.managed.get = async () => ({ allowedAccountIds: ['1234-5678-9012'] });
    expect(await unlock(longTermPaste('bob'))).toMatchObject({ ok: true });
  });

  it('a failed unlock replaces the previous one: nothing of it is left', async () => {
    expect(await unlock(longTermPaste('bob'))).toMatchObject({ ok: true });
    expect(await unlock(keysPaste(bob.accessKeyId, 'not-the-secret'))).toMatchObject({
      ok: false,
      error: { code: 'SignatureDoesNotMatch', operation: 'unlock', httpStatus: 403 },
    });
    expect(vault()).toBeUndefined();
    expect(fake.scheduledAlarms.size).toBe(0);
  });

  it('retries a failure that may pass (GetCallerIdentity is safe to repeat)', async () => {
    await injectFault(sb.url, 'GetCallerIdentity', 'ServiceUnavailable');
    expect(await unlock(longTermPaste('bob'))).toMatchObject({ ok: true });
    expect((await callsTo(sb.url, 'GetCallerIdentity')).map((c) => c.status)).toEqual([503, 200]);
  });

  it('measures the clock skew from the Date header of every reply, a refusal too', async () => {
    const skew = async () => ((await send({ type: 'vault/status' })) as { value: { clockSkewMs?: number } }).value;
    // The sandbox clock runs up to 25 s behind and 5 s ahead of ours (sandbox-test-kit.ts). Under
    // 4 minutes, so that the SDK does not correct its own clock and retry.
    await inject(sb.url, { action: 'GetCallerIdentity', dateSkewSeconds: 180 });
    expect(await unlock(longTermPaste('bob'))).toMatchObject({ ok: true });
    expect((await skew()).clockSkewMs).toBeGreaterThan(150_000);
    expect((await skew()).clockSkewMs).toBeLessThan(190_000);
    await inject(sb.url, { action: 'GetCallerIdentity', code: 'ValidationError', dateSkewSeconds: -180 });
    expect(await unlock(longTermPaste('bob'))).toMatchObject({ ok: false, error: { code: 'ValidationError' } });
    expect((await skew()).clockSkewMs).toBeLessThan(-170_000);
  });
});
