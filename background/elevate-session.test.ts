import { describe, expect, it } from 'vitest';
import { phone, SERIALS } from '../e2e/sandbox/sandbox-test-kit';
import {
  callsTo,
  injectFault,
  longTermPaste,
  BOB_VIEW,
  routerAgainstSandbox,
  sessionPaste,
} from './router-sandbox-kit';

// "Use another device" (vault/elevate) through the real router and the node SDK, against the
// sandbox: long-term keys become an MFA session with GetSessionToken, sent once, and only the
// session is kept.

const { sb, fake, send, unlockAs, vault } = await routerAgainstSandbox();
const elevate = (serialNumber: string, tokenCode: string) => send({ type: 'vault/elevate', serialNumber, tokenCode });
const bobPhoneCode = async () => (await phone(sb.url, SERIALS.bobPhone)).codes[0];

describe('vault/elevate', () => {
  it('turns long-term keys into a 15-minute MFA session and keeps only the session', async () => {
    await unlockAs(longTermPaste('bob'));
    const unlockedAt = vault()!.unlockedAt;
    const code = await bobPhoneCode();
    const before = Date.now();
    const reply = await elevate(SERIALS.bobPhone, `${code.slice(0, 3)} ${code.slice(3)}`);
    const expiration = new Date(sb.clock.now + 900_000).toISOString();
    expect(reply).toEqual({
      ok: true,
      value: {
        ...BOB_VIEW,
        credentialKind: 'temporary',
        mfaSession: true,
        partition: 'aws',
        expiration,
        idleLockAt: expect.any(Number),
      },
    });
    const [call, ...more] = await callsTo(sb.url, 'GetSessionToken');
    expect(more).toEqual([]);
    expect(call).toMatchObject({
      status: 200,
      accessKeyId: 'AKIASANDBOXBOB000002',
      params: { SerialNumber: SERIALS.bobPhone, TokenCode: code, DurationSeconds: '900' },
    });
    const record = vault()!;
    expect(record.secret.accessKeyId).toMatch(/^ASIA/);
    expect(record.secret.sessionToken).toEqual(expect.any(String));
    expect(record).toMatchObject({ kind: 'temporary', mfaSession: true, expiration, unlockedAt });
    // The default idle lock (15 minutes) starts again from the elevation.
    expect(record.idleLockAt).toBeGreaterThanOrEqual(before + 15 * 60_000);
    expect(record.idleLockAt).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
    expect(JSON.stringify([...fake.storage.session.items])).not.toContain('AKIASANDBOXBOB000002');
    // The session works for IAM: the device list is read with it.
    expect(await send({ type: 'devices/list' })).toMatchObject({ ok: true, value: { userName: 'bob' } });
    expect((await callsTo(sb.url, 'ListMFADevices'))[0]?.accessKeyId).toBe(record.secret.accessKeyId);
  });

  it("ends the MFA session at the policy's session maximum, counted from the unlock", async () => {
    fake.storage.managed.get = async () => ({ sessionMaxMinutes: 5 });
    await unlockAs(longTermPaste('bob'));
    const unlockedAt = vault()!.unlockedAt;
    expect(await elevate(SERIALS.bobPhone, await bobPhoneCode())).toMatchObject({ ok: true });
    expect(vault()!.expiration).toBe(new Date(unlockedAt + 5 * 60_000).toISOString());
  });

  it('is locked without credentials, and refuses temporary credentials without sending anything', async () => {
    expect(await elevate(SERIALS.bobPhone, '123456')).toEqual({ ok: false, error: { code: 'Locked' } });
    await unlockAs(sessionPaste('ASIASANDBOXCAROL0005'));
    expect(await elevate(SERIALS.carolPhone, '123456')).toEqual({
      ok: false,
      error: { code: 'ElevateNeedsLongTermKeys' },
    });
    expect(await callsTo(sb.url, 'GetSessionToken')).toEqual([]);
  });

  it('names each field that is wrong, and sends nothing', async () => {
    await unlockAs(longTermPaste('bob'));
    const fido = SERIALS.aliceYubikey;
    expect(await elevate(fido, '12345')).toEqual({
      ok: false,
      error: {
        code: 'ValidationError',
        fields: [
          { field: 'serialNumber', problem: 'not-resyncable' },
          { field: 'tokenCode', problem: 'not-six-digits' },
        ],
      },
    });
    expect(await elevate(fido, '123456')).toEqual({
      ok: false,
      error: { code: 'ValidationError', fields: [{ field: 'serialNumber', problem: 'not-resyncable' }] },
    });
    expect(await elevate(SERIALS.bobPhone, '')).toEqual({
      ok: false,
      error: { code: 'ValidationError', fields: [{ field: 'tokenCode', problem: 'required' }] },
    });
    expect(await callsTo(sb.url, 'GetSessionToken')).toEqual([]);
  });

  it('a refused code: MfaCodeRejected for the elevate step, and the long-term keys stay', async () => {
    await unlockAs(longTermPaste('bob'));
    expect(await elevate(SERIALS.bobPhone, '000000')).toMatchObject({
      ok: false,
      error: { code: 'MfaCodeRejected', operation: 'elevate', httpStatus: 403 },
    });
    expect(vault()).toMatchObject({ kind: 'long-term', secret: { accessKeyId: 'AKIASANDBOXBOB000002' } });
    expect(vault()).not.toHaveProperty('mfaSession');
  });

  it('is sent once: a failure that the SDK would retry is not retried (the code is single-use)', async () => {
    await unlockAs(longTermPaste('bob'));
    await injectFault(sb.url, 'GetSessionToken', 'ServiceUnavailable', 3);
    expect(await elevate(SERIALS.bobPhone, await bobPhoneCode())).toMatchObject({ ok: false });
    expect((await callsTo(sb.url, 'GetSessionToken')).map((c) => c.status)).toEqual([503]);
  });
});
