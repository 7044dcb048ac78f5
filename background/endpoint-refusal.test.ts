import https from 'node:https';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeBrowser, popupSend, type FakeBrowser } from './fuzz-fake-browser';
import type { VaultRecord } from './vault';

// A FIPS/dual-stack choice the partition lacks (src/shared/partitions.ts) is refused by the real
// router before anything is sent or claimed; vault/status tells the popup the effective endpoint
// settings so "Copy as AWS CLI" targets the same host.

const fake: FakeBrowser = installFakeBrowser();
const { routeMessage } = await import('./message-router');
const send = popupSend(routeMessage);

// The SDK's node build sends through node:https (looked up per request): every attempt is
// recorded and fails there, so nothing leaves the machine.
const sentTo: string[] = [];
vi.spyOn(https, 'request').mockImplementation(((options: { host?: string }) => {
  sentTo.push(options.host ?? '?');
  throw Object.assign(new Error('getaddrinfo ENOTFOUND (test)'), { code: 'ENOTFOUND' });
}) as unknown as typeof https.request);

function chinaVault(): VaultRecord {
  const now = Date.now();
  return {
    secret: { accessKeyId: 'ASIAIOSFODNN7EXAMPLE', secretAccessKey: 'x'.repeat(40), sessionToken: 'token' },
    kind: 'temporary',
    identity: { arn: 'arn:aws-cn:iam::123456789012:user/alice', account: '123456789012', userId: 'AIDAEXAMPLE' },
    partition: 'aws-cn',
    unlockedAt: now,
    idleLockAt: now + 600_000,
  };
}
const resync = {
  type: 'resync/start',
  attemptId: '6f1c2a3e-1b2c-4d5e-8f90-0a1b2c3d4e5f',
  userName: 'alice',
  serialNumber: 'arn:aws-cn:iam::123456789012:mfa/alice-phone',
  code1: '123456',
  code2: '654321',
};

afterEach(() => {
  fake.reset();
  sentTo.length = 0;
});

describe('a refused endpoint choice, through the real router', () => {
  it('unlock: EndpointUnsupported, nothing sent, nothing stored', async () => {
    fake.reset({ settings: { partition: 'aws-cn', fips: true } });
    const reply = await send({
      type: 'vault/unlock',
      paste:
        'export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'EndpointUnsupported' } });
    expect(sentTo).toEqual([]);
    expect(fake.storage.session.items.has('vault')).toBe(false);
  });

  it('resync: refused before the code pair is claimed, so the same codes work after the fix', async () => {
    fake.reset({ settings: { fips: true } });
    await fake.storage.session.set({ vault: chinaVault() });
    const refused = await send(resync);
    expect(refused).toMatchObject({ ok: true, value: { status: 'failed', error: { code: 'EndpointUnsupported' } } });
    expect(sentTo).toEqual([]);
    // FIPS off: the same pair is not "already used"; it reaches the (here failing) network.
    await fake.storage.local.set({ settings: {} });
    const retried = await send({ ...resync, attemptId: '7f1c2a3e-1b2c-4d5e-8f90-0a1b2c3d4e5f' });
    expect(retried).toMatchObject({ ok: true, value: { status: 'failed', error: { code: 'NetworkDns' } } });
    expect(sentTo).toEqual(['iam.cn-north-1.amazonaws.com.cn']);
  });
});

describe('vault/status carries the effective endpoint settings', () => {
  it('FIPS and dual-stack as stored; an override this build may not use is left out', async () => {
    fake.reset({ settings: { fips: true, dualStack: true, endpointOverride: 'http://127.0.0.1:4566' } });
    expect(await send({ type: 'vault/status' })).toMatchObject({
      ok: true,
      value: { endpoints: { fips: true, dualStack: true } },
    });
    const reply = (await send({ type: 'vault/status' })) as { value: { endpoints: object } };
    expect(reply.value.endpoints).not.toHaveProperty('override');
  });

  it('a policy override replaces the user’s endpoint settings', async () => {
    fake.reset({ settings: { fips: true } });
    fake.storage.managed.get = async () => ({ endpoints: { override: 'https://iam-gw.corp.example' } });
    expect(await send({ type: 'vault/status' })).toMatchObject({
      value: { endpoints: { fips: false, dualStack: false, override: 'https://iam-gw.corp.example' } },
    });
  });
});
