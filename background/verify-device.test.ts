import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { phone, SERIALS } from '../e2e/sandbox/sandbox-test-kit';
import type { ResyncOutcome } from '../src/shared/messages';
import { signInContentSender } from './fuzz-fake-browser';
import { callsTo, injectFault, longTermPaste, routerAgainstSandbox, sessionPaste } from './router-sandbox-kit';

// "Check with the next code" through the real message router and the node SDK, against the
// sandbox: what STS is sent, what the popup gets back, and what is left in the vault afterwards.

const { sb, fake, routeMessage, send } = await routerAgainstSandbox();
const stsChecks = () => callsTo(sb.url, 'GetSessionToken');

/** Unlocks with `paste` and resyncs `serial` of `userName` with the phone's two codes. */
async function resyncWith(paste: string, userName: string, serial: string) {
  expect(await send({ type: 'vault/unlock', paste })).toMatchObject({ ok: true });
  const { codes } = await phone(sb.url, serial);
  const attemptId = crypto.randomUUID();
  const reply = await send({
    type: 'resync/start',
    attemptId,
    userName,
    serialNumber: serial,
    code1: codes[0],
    code2: codes[1],
  });
  expect(reply).toMatchObject({ ok: true, value: { status: 'succeeded' } });
  return { attemptId, codes, outcome: (reply as { value: ResyncOutcome }).value };
}

/** The code after the resync's pair: what the phone shows one 30 s step later. */
async function nextCode(serial: string): Promise<string> {
  sb.clock.now += 30_000;
  return (await phone(sb.url, serial)).codes[1];
}

const vault = () => fake.storage.session.items.get('vault') as { checkOnly?: boolean; idleLockAt: number } | undefined;

let clockAtStart = 0;
beforeEach(() => {
  clockAtStart = sb.clock.now;
});
afterEach(() => {
  sb.clock.now = clockAtStart;
});

describe('resync/verify', () => {
  it('keeps long-term keys after a success only for the check, narrowed to it and for minutes', async () => {
    const before = Date.now();
    const { outcome } = await resyncWith(longTermPaste('alice'), 'alice', SERIALS.alicePhone);
    expect(outcome.check).toBe('available');
    expect(vault()?.checkOnly).toBe(true);
    expect(vault()!.idleLockAt).toBeLessThanOrEqual(Date.now() + 3 * 60_000);
    expect(vault()!.idleLockAt).toBeGreaterThan(before);
    // Nothing but the check may use them.
    expect(await send({ type: 'devices/list' })).toEqual({ ok: false, error: { code: 'Locked' } });
    const status = (await send({ type: 'vault/status' })) as { value: { session?: { checkOnly?: boolean } } };
    expect(status.value.session?.checkOnly).toBe(true);
  });

  it('accepted: sends GetSessionToken once, records the verification, wipes the keys, returns no credentials', async () => {
    const { attemptId } = await resyncWith(longTermPaste('alice'), 'alice', SERIALS.alicePhone);
    const reply = await send({ type: 'resync/verify', attemptId, tokenCode: await nextCode(SERIALS.alicePhone) });
    expect(reply).toMatchObject({ ok: true, value: { attemptId, status: 'succeeded' } });
    expect((reply as { value: ResyncOutcome }).value.verifiedAt).toEqual(expect.any(Number));
    expect(await stsChecks()).toEqual([expect.objectContaining({ status: 200 })]);
    // The session STS issued is nowhere: not in the reply, not in storage.
    const everything = JSON.stringify([reply, [...fake.storage.session.items], [...fake.storage.local.items]]);
    expect(everything).not.toMatch(/ASIA|SessionToken|sessionToken/);
    expect(vault()).toBeUndefined();
    const status = (await send({ type: 'vault/status' })) as { value: { lastOutcome?: ResyncOutcome } };
    expect(status.value.lastOutcome?.verifiedAt).toEqual(expect.any(Number));
  });

  it('wrong code: MfaCodeRejected through the catalog, keys kept for a later code, which then works', async () => {
    const { attemptId } = await resyncWith(longTermPaste('alice'), 'alice', SERIALS.alicePhone);
    const wrong = await send({ type: 'resync/verify', attemptId, tokenCode: '000000' });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'MfaCodeRejected', awsCode: 'AccessDenied', httpStatus: 403, operation: 'check' },
    });
    expect(vault()?.checkOnly).toBe(true);
    const right = await send({ type: 'resync/verify', attemptId, tokenCode: await nextCode(SERIALS.alicePhone) });
    expect(right).toMatchObject({ ok: true });
    expect((await stsChecks()).map((c) => c.status)).toEqual([403, 200]);
  });

  it('a code already used (the resync pair, or a code STS accepted before) is refused by STS', async () => {
    const { attemptId, codes } = await resyncWith(longTermPaste('alice'), 'alice', SERIALS.alicePhone);
    expect(await send({ type: 'resync/verify', attemptId, tokenCode: codes[1] })).toMatchObject({
      ok: false,
      error: { code: 'MfaCodeRejected' },
    });
  });

  it('temporary credentials: no check offered, and a forced request sends nothing', async () => {
    const paste = sessionPaste('ASIASANDBOXCAROL0005');
    const { attemptId, outcome } = await resyncWith(paste, 'alice', SERIALS.alicePhone);
    expect(outcome.check).toBe('temporary-credentials');
    const reply = await send({ type: 'resync/verify', attemptId, tokenCode: '123456' });
    expect(reply).toEqual({ ok: false, error: { code: 'CheckUnavailable' } });
    expect(await stsChecks()).toEqual([]);
  });

  it("an admin's long-term keys and someone else's device: other-user, keys wiped at once", async () => {
    const { attemptId, outcome } = await resyncWith(longTermPaste('carol-admin'), 'alice', SERIALS.alicePhone);
    expect(outcome.check).toBe('other-user');
    expect(vault()).toBeUndefined();
    expect(await send({ type: 'resync/verify', attemptId, tokenCode: '123456' })).toEqual({
      ok: false,
      error: { code: 'CheckUnavailable' },
    });
    expect(await stsChecks()).toEqual([]);
  });

  it('policy off (or unreadable): no check, keys wiped at once', async () => {
    fake.storage.managed.get = async () => ({ verifyAfterResyncEnabled: 'yes' });
    const { outcome } = await resyncWith(longTermPaste('alice'), 'alice', SERIALS.alicePhone);
    expect(outcome.check).toBe('off');
    expect(vault()).toBeUndefined();
  });

  it('refuses a malformed request and any sender but an extension page', async () => {
    const { attemptId } = await resyncWith(longTermPaste('alice'), 'alice', SERIALS.alicePhone);
    for (const bad of [
      { type: 'resync/verify', attemptId: 'not-a-uuid', tokenCode: '123456' },
      { type: 'resync/verify', attemptId, tokenCode: '123456', serialNumber: SERIALS.bobPhone },
      { type: 'resync/verify', attemptId, tokenCode: 123456 },
    ]) {
      expect(await send(bad)).toEqual({ ok: false, error: { code: 'Refused' } });
    }
    const fromPage = await routeMessage({ type: 'resync/verify', attemptId, tokenCode: '123456' }, signInContentSender);
    expect(fromPage).toEqual({ ok: false, error: { code: 'Refused' } });
    expect(await send({ type: 'resync/verify', attemptId, tokenCode: '12345' })).toMatchObject({
      ok: false,
      error: { code: 'ValidationError', fields: [{ field: 'tokenCode' }] },
    });
    expect(await stsChecks()).toEqual([]);
  });

  it('a failed or unknown attempt cannot be checked', async () => {
    expect(await send({ type: 'resync/verify', attemptId: crypto.randomUUID(), tokenCode: '123456' })).toEqual({
      ok: false,
      error: { code: 'CheckUnavailable' },
    });
  });
});

describe('resync/verify: once checked, locked, or no longer allowed', () => {
  const alice = () => resyncWith(longTermPaste('alice'), 'alice', SERIALS.alicePhone);

  it('sends the code without its spaces, once: asking again answers with the recorded check', async () => {
    const { attemptId } = await alice();
    const code = await nextCode(SERIALS.alicePhone);
    const first = await send({ type: 'resync/verify', attemptId, tokenCode: `${code.slice(0, 3)} ${code.slice(3)}` });
    expect(first).toMatchObject({ ok: true });
    expect(await send({ type: 'resync/verify', attemptId, tokenCode: '123456' })).toEqual(first);
    expect((await stsChecks()).map((c) => c.params['TokenCode'])).toEqual([code]);
  });

  it('is not retried: the code is single-use', async () => {
    const { attemptId } = await alice();
    await injectFault(sb.url, 'GetSessionToken', 'ServiceUnavailable', 3);
    const reply = await send({ type: 'resync/verify', attemptId, tokenCode: await nextCode(SERIALS.alicePhone) });
    expect(reply).toMatchObject({ ok: false, error: { code: 'ServiceFailure', operation: 'check' } });
    expect((await stsChecks()).map((c) => c.status)).toEqual([503]);
  });

  it('is locked once the keys are gone, and unavailable once the policy turned the check off', async () => {
    const { attemptId } = await alice();
    fake.storage.managed.get = async () => ({ verifyAfterResyncEnabled: false });
    expect(await send({ type: 'resync/verify', attemptId, tokenCode: '123456' })).toEqual({
      ok: false,
      error: { code: 'CheckUnavailable' },
    });
    await fake.storage.session.remove('vault');
    expect(await send({ type: 'resync/verify', attemptId, tokenCode: '123456' })).toEqual({
      ok: false,
      error: { code: 'Locked' },
    });
    expect(await stsChecks()).toEqual([]);
  });

  it('keeps keys that were unlocked again for work after the check', async () => {
    const { attemptId } = await alice();
    expect(await send({ type: 'vault/unlock', paste: longTermPaste('alice') })).toMatchObject({ ok: true });
    const reply = await send({ type: 'resync/verify', attemptId, tokenCode: await nextCode(SERIALS.alicePhone) });
    expect(reply).toMatchObject({ ok: true });
    expect(vault()).toBeDefined();
    expect(vault()?.checkOnly).toBeUndefined();
  });
});
