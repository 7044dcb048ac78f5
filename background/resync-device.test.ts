import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { keysOf, phone, SERIALS, stsAs } from '../e2e/sandbox/sandbox-test-kit';
import { seededSessionOf } from '../e2e/sandbox/seed';
import type { ResyncOutcome } from '../src/shared/messages';
import {
  callsTo,
  inject,
  injectFault,
  keysPaste,
  longTermPaste,
  routerAgainstSandbox,
  sessionPaste,
} from './router-sandbox-kit';

// resync/start through the real router and the node SDK, against the sandbox: what IAM is sent
// (once), what the popup is told, and what is left in the vault afterwards.

const { sb, fake, send, unlockAs, vault } = await routerAgainstSandbox();

const CAROL_SESSION = sessionPaste('ASIASANDBOXCAROL0005');
/** Resyncs alice's phone with the two codes it shows (or the codes given). */
async function resync(options: { keepSession?: boolean; codes?: [string, string] } = {}) {
  const [code1, code2] = options.codes ?? (await phone(sb.url, SERIALS.alicePhone)).codes;
  const attemptId = crypto.randomUUID();
  const request = {
    type: 'resync/start',
    attemptId,
    userName: 'alice',
    serialNumber: SERIALS.alicePhone,
    code1,
    code2,
  };
  const reply = await send({ ...request, ...(options.keepSession ? { keepSession: true } : {}) });
  return { attemptId, code1, code2, reply: reply as { ok: boolean; value: ResyncOutcome } };
}
const resyncCalls = () => callsTo(sb.url, 'ResyncMFADevice');

describe('resync/start', () => {
  it('sends the pair once, tells the outcome, and notifies when no popup is open', async () => {
    await unlockAs(CAROL_SESSION);
    const before = Date.now();
    const { attemptId, code1, code2, reply } = await resync({ keepSession: true });
    expect(reply).toEqual({
      ok: true,
      value: {
        attemptId,
        status: 'succeeded',
        userName: 'alice',
        serialNumber: SERIALS.alicePhone,
        startedAt: expect.any(Number),
        finishedAt: expect.any(Number),
        check: 'temporary-credentials',
      },
    });
    expect(reply.value.startedAt).toBeGreaterThanOrEqual(before);
    expect(reply.value.finishedAt).toBeGreaterThanOrEqual(reply.value.startedAt);
    const calls = await resyncCalls();
    expect(calls.map((c) => c.params)).toEqual([
      { UserName: 'alice', SerialNumber: SERIALS.alicePhone, AuthenticationCode1: code1, AuthenticationCode2: code2 },
    ]);
    expect(fake.calls).toContain('notifications.create');
    // Temporary credentials the user asked to keep stay for the next device, for any work.
    expect(vault()?.secret.accessKeyId).toBe('ASIASANDBOXCAROL0005');
    expect(vault()).not.toHaveProperty('checkOnly');
  });

  it('wipes temporary credentials after a success unless asked to keep them', async () => {
    await unlockAs(CAROL_SESSION);
    await resync();
    expect(vault()).toBeUndefined();
  });

  it('wipes long-term keys after a success, asked to keep them or not, when there is no check', async () => {
    fake.storage.managed.get = async () => ({ verifyAfterResyncEnabled: false });
    await unlockAs(longTermPaste('alice'));
    const { reply } = await resync({ keepSession: true });
    expect(reply.value).toMatchObject({ status: 'succeeded', check: 'off' });
    expect(vault()).toBeUndefined();
  });

  it('keeps the credentials after a refused pair, for another try', async () => {
    await unlockAs(CAROL_SESSION);
    const { reply } = await resync({ codes: ['000000', '111111'] });
    expect(reply.value).toMatchObject({
      status: 'failed',
      error: { code: 'InvalidAuthenticationCode', operation: 'resync', httpStatus: 403 },
    });
    expect(vault()?.secret.accessKeyId).toBe('ASIASANDBOXCAROL0005');
    expect(vault()).not.toHaveProperty('checkOnly');
  });

  it('wipes credentials IAM called expired', async () => {
    await unlockAs(CAROL_SESSION);
    const expired = seededSessionOf('ASIASANDBOXEXPIRED06');
    await fake.storage.session.set({ vault: { ...vault()!, secret: expired } });
    const { reply } = await resync({ keepSession: true });
    expect(reply.value).toMatchObject({ status: 'failed', error: { code: 'ExpiredToken' } });
    expect(vault()).toBeUndefined();
  });

  it('is never retried: a failure the SDK would retry is sent once', async () => {
    await unlockAs(CAROL_SESSION);
    await injectFault(sb.url, 'ResyncMFADevice', 'ServiceUnavailable', 3);
    const { reply } = await resync();
    expect(reply.value).toMatchObject({ status: 'failed', error: { code: 'ServiceFailure', httpStatus: 503 } });
    expect((await resyncCalls()).map((c) => c.status)).toEqual([503]);
  });

  it('records the attempt as pending while IAM has not answered', async () => {
    await unlockAs(CAROL_SESSION);
    await inject(sb.url, { action: 'ResyncMFADevice', latencyMs: 400 });
    const running = resync();
    await new Promise((resolve) => setTimeout(resolve, 250));
    const status = (await send({ type: 'vault/status' })) as { value: { lastOutcome?: ResyncOutcome } };
    expect(status.value.lastOutcome).toMatchObject({ status: 'pending', userName: 'alice' });
    expect(status.value.lastOutcome).not.toHaveProperty('finishedAt');
    expect((await running).reply.value.status).toBe('succeeded');
  });

  it('tells a session made without MFA from bad credentials', async () => {
    const session = await stsAs(sb.url, keysOf('alice')).send(new GetSessionTokenCommand({}));
    const { AccessKeyId = '', SecretAccessKey = '', SessionToken } = session.Credentials ?? {};
    await unlockAs(keysPaste(AccessKeyId, SecretAccessKey, SessionToken));
    expect((await resync()).reply.value).toMatchObject({ status: 'failed', error: { code: 'SessionWithoutMfa' } });
  });

  it('fails without sending: invalid fields (all named), locked, codes already sent', async () => {
    const invalid = await send({
      type: 'resync/start',
      attemptId: crypto.randomUUID(),
      userName: 'alice',
      serialNumber: SERIALS.aliceYubikey,
      code1: '12345',
      code2: '123456',
    });
    expect(invalid).toMatchObject({
      ok: true,
      value: {
        status: 'failed',
        userName: 'alice',
        serialNumber: SERIALS.aliceYubikey,
        finishedAt: expect.any(Number),
        error: {
          code: 'ValidationError',
          fields: [
            { field: 'serialNumber', problem: 'not-resyncable' },
            { field: 'code1', problem: 'not-six-digits' },
          ],
        },
      },
    });
    expect((await resync()).reply.value).toMatchObject({ status: 'failed', error: { code: 'Locked' } });
    await unlockAs(CAROL_SESSION);
    const pair = (await phone(sb.url, SERIALS.alicePhone)).codes;
    await resync({ codes: pair, keepSession: true });
    expect((await resync({ codes: pair })).reply.value).toMatchObject({
      status: 'failed',
      error: { code: 'CodesAlreadyUsed' },
    });
    expect(await resyncCalls()).toHaveLength(1);
  });
});
