// Injected faults: documented ResyncMFADevice errors, retries they provoke in the SDK, latency,
// dropped connections, a skewed Date header, and reset.
import { GetUserCommand, ResyncMFADeviceCommand } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import {
  controlGet,
  controlPost,
  form,
  iamAs,
  keysOf,
  phone,
  sdkError,
  SERIALS,
  signAndSend,
  signInAccepted,
} from './sandbox-test-kit';
import { useTestSandbox } from './use-test-sandbox';

const sb = useTestSandbox({ resetEach: true });

const inject = async (spec: Record<string, unknown>) =>
  expect((await controlPost(sb.url, 'inject', spec)).status).toBe(200);

async function resyncAlice(maxAttempts = 1) {
  const { codes } = await phone(sb.url, SERIALS.alicePhone);
  return iamAs(sb.url, keysOf('alice'), maxAttempts).send(
    new ResyncMFADeviceCommand({
      UserName: 'alice',
      SerialNumber: SERIALS.alicePhone,
      AuthenticationCode1: codes[0],
      AuthenticationCode2: codes[1],
    }),
  );
}

interface Call {
  action: string | null;
  status: number;
  code: string | null;
}
const calls = () => controlGet<Call[]>(sb.url, 'calls');

describe('documented errors', () => {
  it('ConcurrentModification 409 once, then the same resync succeeds', async () => {
    await inject({ action: 'ResyncMFADevice', status: 409 });
    expect(await sdkError(resyncAlice())).toMatchObject({ name: 'ConcurrentModificationException', status: 409 });
    expect(await signInAccepted(sb.url, SERIALS.alicePhone)).toBe(false);
    await resyncAlice();
    expect(await signInAccepted(sb.url, SERIALS.alicePhone)).toBe(true);
  });

  it('LimitExceeded by code (status 409 implied) with a custom message', async () => {
    await inject({ code: 'LimitExceeded', message: 'Too many resyncs.' });
    expect(await sdkError(resyncAlice())).toEqual({
      name: 'LimitExceededException',
      status: 409,
      message: 'Too many resyncs.',
    });
  });

  it('ServiceFailure 500 is retried by the SDK with default attempts: a resync is sent three times', async () => {
    await inject({ action: 'ResyncMFADevice', status: 500, times: 2 });
    const out = await resyncAlice(3);
    expect(out.$metadata.attempts).toBe(3);
    expect((await calls()).map((c) => c.code)).toEqual(['ServiceFailure', 'ServiceFailure', null]);
  });

  it('with maxAttempts 1 the 500 surfaces as ServiceFailureException after one request', async () => {
    await inject({ status: 500 });
    expect(await sdkError(resyncAlice())).toMatchObject({ name: 'ServiceFailureException', status: 500 });
    expect(await calls()).toHaveLength(1);
  });
});

describe('transport faults', () => {
  it('delays the answer by latencyMs', async () => {
    await inject({ latencyMs: 300 });
    const started = performance.now();
    await iamAs(sb.url, keysOf('bob')).send(new GetUserCommand({}));
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('drops the connection without an answer', async () => {
    await inject({ action: 'ResyncMFADevice', resetConnection: true });
    const err = await sdkError(resyncAlice());
    expect(err.status).toBeUndefined();
    expect((await calls()).at(-1)).toMatchObject({ action: 'ResyncMFADevice', status: 0, code: 'ConnectionReset' });
    expect(await signInAccepted(sb.url, SERIALS.alicePhone)).toBe(false);
  });

  it('skews the Date header by dateSkewSeconds (clients use it to detect their own clock skew)', async () => {
    await inject({ dateSkewSeconds: 120 });
    const res = await signAndSend(sb.url, {
      credentials: keysOf('bob'),
      body: form({ Action: 'GetUser', Version: '2010-05-08' }),
      signingDate: new Date(sb.clock.now),
    });
    expect(res.status).toBe(200);
    expect(Date.parse(res.headers.get('date') ?? '') - sb.clock.now).toBe(120_000);
  });
});

describe('matching and lifetime', () => {
  it('applies only to the named action and is not used up by other calls or failed authentication', async () => {
    await inject({ action: 'ResyncMFADevice', status: 409 });
    await iamAs(sb.url, keysOf('alice')).send(new GetUserCommand({}));
    await sdkError(
      iamAs(sb.url, { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' }).send(
        new ResyncMFADeviceCommand({
          UserName: 'a',
          SerialNumber: 'GAHT12345678',
          AuthenticationCode1: '123456',
          AuthenticationCode2: '123456',
        }),
      ),
    );
    expect((await controlGet<{ pendingFaults: unknown[] }>(sb.url, 'state')).pendingFaults).toHaveLength(1);
    expect((await sdkError(resyncAlice())).name).toBe('ConcurrentModificationException');
    expect((await controlGet<{ pendingFaults: unknown[] }>(sb.url, 'state')).pendingFaults).toHaveLength(0);
  });

  it('rejects a malformed injection', async () => {
    for (const bad of [{ status: 200 }, { times: 0 }, { latencyMs: 'slow' }, 'nope']) {
      const res = await controlPost(sb.url, 'inject', bad);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBeTruthy();
    }
  });

  it('reset clears injections, the call log and device state', async () => {
    await resyncAlice();
    await inject({ status: 500, times: 5 });
    await controlPost(sb.url, 'reset');
    expect(await calls()).toEqual([]);
    expect(await signInAccepted(sb.url, SERIALS.alicePhone)).toBe(false);
    expect((await iamAs(sb.url, keysOf('alice')).send(new GetUserCommand({}))).User?.UserName).toBe('alice');
  });
});
