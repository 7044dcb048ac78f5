import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeBrowser, popupSend, unlockedRecord } from './fuzz-fake-browser';
import type { VaultRecord } from './vault';

// What unlock and elevate make of STS answers the sandbox never gives (it always names the caller
// and always returns a whole session): no identity, no credentials, an ARN of a partition this
// extension does not know, no expiry. STS is replaced by a client that answers what a test says.

const sts = vi.hoisted(() => ({ answer: {} as unknown }));
vi.mock('./aws-clients', () => ({ stsClient: () => ({ send: async () => sts.answer }) }));

const fake = installFakeBrowser();
// Imported after the fake exists: src/shared/browser.ts reads globalThis.browser at import.
const { routeMessage } = await import('./message-router');
const { storeInVault } = await import('./vault');

const send = popupSend(routeMessage);
const vault = () => fake.storage.session.items.get('vault') as VaultRecord | undefined;
const PASTE =
  'export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY';
const IDENTITY = { Arn: 'arn:aws:iam::123456789012:user/alice', Account: '123456789012', UserId: 'AIDAEXAMPLE' };
const SESSION = {
  AccessKeyId: 'ASIAEXAMPLEEXAMPLE11',
  SecretAccessKey: 'session-secret',
  SessionToken: 'session-token',
};
const ELEVATE = {
  type: 'vault/elevate',
  serialNumber: 'arn:aws:iam::123456789012:mfa/alice-phone',
  tokenCode: '123456',
};

afterEach(() => fake.reset());

describe('unlock with an STS answer the sandbox never gives', () => {
  it.each(['Arn', 'Account', 'UserId'])('without %s: Unknown, and nothing is kept', async (missing) => {
    fake.reset({ settings: { allowLongTermKeys: true } });
    sts.answer = { ...IDENTITY, [missing]: undefined };
    expect(await send({ type: 'vault/unlock', paste: PASTE })).toEqual({
      ok: false,
      error: { code: 'Unknown', detail: 'GetCallerIdentity returned no identity' },
    });
    expect(vault()).toBeUndefined();
  });

  it("takes the settings' partition when the ARN names none this extension knows", async () => {
    fake.reset({ settings: { allowLongTermKeys: true, partition: 'aws-us-gov' } });
    for (const Arn of ['arn:aws-iso:iam::123456789012:user/alice', 'not-an-arn']) {
      sts.answer = { ...IDENTITY, Arn };
      expect(await send({ type: 'vault/unlock', paste: PASTE })).toMatchObject({ ok: true });
      expect(vault()?.partition, Arn).toBe('aws-us-gov');
    }
    sts.answer = { ...IDENTITY, Arn: 'arn:aws-cn:iam::123456789012:user/alice' };
    await send({ type: 'vault/unlock', paste: PASTE });
    expect(vault()?.partition).toBe('aws-cn');
  });
});

describe('elevate with an STS answer the sandbox never gives', () => {
  const longTerm = () =>
    storeInVault({
      ...unlockedRecord(),
      kind: 'long-term',
      secret: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'k' },
    });

  it.each([
    ['no Credentials', undefined],
    ['no AccessKeyId', { ...SESSION, AccessKeyId: undefined }],
    ['no SecretAccessKey', { ...SESSION, SecretAccessKey: undefined }],
    ['no SessionToken', { ...SESSION, SessionToken: undefined }],
  ])('with %s: Unknown, and the long-term keys stay as they were', async (_label, credentials) => {
    await longTerm();
    const before = vault();
    sts.answer = { Credentials: credentials };
    expect(await send(ELEVATE)).toEqual({
      ok: false,
      error: { code: 'Unknown', detail: 'GetSessionToken returned no credentials' },
    });
    expect(vault()).toEqual(before);
  });

  it('keeps a session STS gave no expiry without one (the idle lock still ends it)', async () => {
    await longTerm();
    sts.answer = { Credentials: SESSION };
    expect(await send(ELEVATE)).toMatchObject({ ok: true, value: { mfaSession: true } });
    expect(vault()).toMatchObject({ kind: 'temporary', secret: { accessKeyId: 'ASIAEXAMPLEEXAMPLE11' } });
    expect(vault()).not.toHaveProperty('expiration');
  });
});
