// The JSON control API that tests and the demo use to see inside the sandbox.
import { HOTP, Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { SANDBOX_SEED } from './seed';
import { controlGet, phone, SERIALS } from './sandbox-test-kit';
import { useTestSandbox } from './use-test-sandbox';

const sb = useTestSandbox();

const secretOf = (serial: string) =>
  SANDBOX_SEED.users.flatMap((u) => u.devices).find((d) => d.serial === serial)?.base32Secret ?? '';

describe('/__sandbox/phone', () => {
  it("shows the device's own (drifted) current and next code", async () => {
    const view = await phone(sb.url, SERIALS.daveToken);
    const step = Math.floor(sb.clock.now / 30_000) + 12;
    const code = (counter: number) =>
      HOTP.generate({ secret: Secret.fromBase32(secretOf(SERIALS.daveToken)), counter });
    expect(view).toEqual({ serial: SERIALS.daveToken, step, codes: [code(step), code(step + 1)], secondsLeft: 25 });
  });

  it('answers 400 for a FIDO key, 404 for an unknown serial, 400 without a serial', async () => {
    const status = async (q: string) => (await fetch(`${sb.url}/__sandbox/phone${q}`)).status;
    expect(await status(`?serial=${encodeURIComponent(SERIALS.aliceYubikey)}`)).toBe(400);
    expect(await status('?serial=GAHT00000000')).toBe(404);
    expect(await status('')).toBe(400);
  });
});

describe('/__sandbox/signin-check', () => {
  it('reports whether the displayed code, or a given code, would pass sign-in', async () => {
    const check = (serial: string, code?: string) =>
      controlGet<{ accepted: boolean; code: string }>(
        sb.url,
        `signin-check?serial=${encodeURIComponent(serial)}${code ? `&code=${code}` : ''}`,
      );
    expect((await check(SERIALS.bobPhone)).accepted).toBe(true);
    expect((await check(SERIALS.bobTablet)).accepted).toBe(false);
    const { codes } = await phone(sb.url, SERIALS.bobPhone);
    expect(await check(SERIALS.bobPhone, codes[1])).toEqual({
      serial: SERIALS.bobPhone,
      code: codes[1],
      accepted: true,
    });
  });
});

describe('/__sandbox/state', () => {
  it('lists users, devices with drift/offset, and sessions, without TOTP secrets', async () => {
    const state = await controlGet<{
      users: Array<{ userName: string; admin: boolean; accessKeyIds: string[] }>;
      devices: Array<Record<string, unknown>>;
      sessions: Array<{ accessKeyId: string; expired: boolean }>;
    }>(sb.url, 'state');
    expect(state.users.map((u) => [u.userName, u.admin, u.accessKeyIds])).toEqual([
      ['alice', false, ['AKIASANDBOXALICE0001']],
      ['bob', false, ['AKIASANDBOXBOB000002']],
      ['carol-admin', true, ['AKIASANDBOXCAROL0003']],
      ['dave', false, ['AKIASANDBOXDAVE00004']],
    ]);
    expect(state.devices.find((d) => d.serial === SERIALS.bobTablet)).toMatchObject({
      drift: -7,
      offset: 0,
      resyncCount: 0,
      inSync: false,
    });
    expect(JSON.stringify(state)).not.toContain(secretOf(SERIALS.bobTablet));
    expect(state.sessions.map((s) => [s.accessKeyId, s.expired])).toEqual([
      ['ASIASANDBOXCAROL0005', false],
      ['ASIASANDBOXEXPIRED06', true],
    ]);
  });

  it('answers 404 for unknown endpoints and 405 for the wrong method', async () => {
    expect((await fetch(`${sb.url}/__sandbox/nope`)).status).toBe(404);
    expect((await fetch(`${sb.url}/__sandbox/reset`)).status).toBe(405);
  });
});
