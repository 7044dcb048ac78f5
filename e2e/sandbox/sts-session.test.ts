// STS GetCallerIdentity / GetSessionToken, and how IAM treats the sessions they produce.
import { GetUserCommand, ListMFADevicesCommand, ResyncMFADeviceCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, GetSessionTokenCommand, STSClient, type Credentials } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { seededSessionOf } from './seed';
import { iamAs, keysOf, phone, sdkError, SERIALS, stsAs } from './sandbox-test-kit';
import { useTestSandbox } from './use-test-sandbox';

const sb = useTestSandbox({ resetEach: true });

const asIdentity = (c: Credentials | undefined) => ({
  accessKeyId: c?.AccessKeyId ?? '',
  secretAccessKey: c?.SecretAccessKey ?? '',
  sessionToken: c?.SessionToken ?? '',
});

describe('GetCallerIdentity', () => {
  it('identifies a long-term key and a seeded admin session', async () => {
    const alice = await stsAs(sb.url, keysOf('alice')).send(new GetCallerIdentityCommand({}));
    expect(alice).toMatchObject({
      Account: '123456789012',
      Arn: 'arn:aws:iam::123456789012:user/alice',
      UserId: 'AIDASANDBOXALICE00001',
    });
    const carol = await stsAs(sb.url, seededSessionOf('ASIASANDBOXCAROL0005')).send(new GetCallerIdentityCommand({}));
    expect(carol.Arn).toBe('arn:aws:iam::123456789012:user/carol-admin');
  });

  it('accepts STS scopes in any region', async () => {
    const sts = new STSClient({
      endpoint: sb.url,
      region: 'eu-central-1',
      credentials: keysOf('bob'),
      maxAttempts: 1,
    });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toContain('user/bob');
  });

  it('answers ExpiredToken for the seeded expired session', async () => {
    const err = await sdkError(
      stsAs(sb.url, seededSessionOf('ASIASANDBOXEXPIRED06')).send(new GetCallerIdentityCommand({})),
    );
    expect(err).toEqual({
      name: 'ExpiredToken',
      status: 403,
      message: 'The security token included in the request is expired',
    });
  });
});

describe('GetSessionToken', () => {
  it('without MFA: STS works with the session, every IAM call answers InvalidClientTokenId', async () => {
    const out = await stsAs(sb.url, keysOf('alice')).send(new GetSessionTokenCommand({}));
    const creds = asIdentity(out.Credentials);
    expect(creds.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(creds.secretAccessKey).toHaveLength(40);
    expect(out.Credentials?.Expiration?.getTime()).toBe(sb.clock.now + 43_200_000);
    expect((await stsAs(sb.url, creds).send(new GetCallerIdentityCommand({}))).Arn).toBe(
      'arn:aws:iam::123456789012:user/alice',
    );
    const iam = iamAs(sb.url, creds);
    for (const call of [iam.send(new GetUserCommand({})), iam.send(new ListMFADevicesCommand({}))]) {
      expect(await sdkError(call)).toEqual({
        name: 'InvalidClientTokenId',
        status: 403,
        message: 'The security token included in the request is invalid.',
      });
    }
  });

  it('with the code of a working device: IAM accepts the session (and resync works through it)', async () => {
    const { codes } = await phone(sb.url, SERIALS.bobPhone);
    const out = await stsAs(sb.url, keysOf('bob')).send(
      new GetSessionTokenCommand({ SerialNumber: SERIALS.bobPhone, TokenCode: codes[0], DurationSeconds: 900 }),
    );
    expect(out.Credentials?.Expiration?.getTime()).toBe(sb.clock.now + 900_000);
    const iam = iamAs(sb.url, asIdentity(out.Credentials));
    expect((await iam.send(new GetUserCommand({}))).User?.UserName).toBe('bob');
    const tablet = await phone(sb.url, SERIALS.bobTablet);
    const resync = await iam.send(
      new ResyncMFADeviceCommand({
        UserName: 'bob',
        SerialNumber: SERIALS.bobTablet,
        AuthenticationCode1: tablet.codes[0],
        AuthenticationCode2: tablet.codes[1],
      }),
    );
    expect(resync.$metadata.httpStatusCode).toBe(200);
  });

  it("refuses a drifted device's code, a wrong code, and someone else's device", async () => {
    const sts = stsAs(sb.url, keysOf('alice'));
    const drifted = await phone(sb.url, SERIALS.alicePhone);
    const bobs = await phone(sb.url, SERIALS.bobPhone);
    for (const input of [
      { SerialNumber: SERIALS.alicePhone, TokenCode: drifted.codes[0] },
      { SerialNumber: SERIALS.bobPhone, TokenCode: bobs.codes[0] },
      { SerialNumber: SERIALS.alicePhone },
    ]) {
      expect(await sdkError(sts.send(new GetSessionTokenCommand(input)))).toEqual({
        name: 'AccessDenied',
        status: 403,
        message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
      });
    }
  });

  it('after a resync: refuses both codes of the pair, accepts the next code once, then refuses it', async () => {
    const { codes } = await phone(sb.url, SERIALS.alicePhone);
    await iamAs(sb.url, keysOf('alice')).send(
      new ResyncMFADeviceCommand({
        UserName: 'alice',
        SerialNumber: SERIALS.alicePhone,
        AuthenticationCode1: codes[0],
        AuthenticationCode2: codes[1],
      }),
    );
    const sts = stsAs(sb.url, keysOf('alice'));
    const check = (TokenCode: string) =>
      sts.send(new GetSessionTokenCommand({ SerialNumber: SERIALS.alicePhone, TokenCode }));
    const refused = {
      name: 'AccessDenied',
      status: 403,
      message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
    };
    // Both codes still lie in the sign-in window, but a resync spent them.
    expect(await sdkError(check(codes[0]))).toEqual(refused);
    expect(await sdkError(check(codes[1]))).toEqual(refused);
    const start = sb.clock.now;
    try {
      sb.clock.now += 30_000;
      const next = (await phone(sb.url, SERIALS.alicePhone)).codes[1];
      expect((await check(next)).Credentials?.AccessKeyId).toMatch(/^ASIA/);
      expect(await sdkError(check(next))).toEqual(refused);
    } finally {
      sb.clock.now = start;
    }
  });

  it('rejects out-of-range durations (STS validates, it does not clamp)', async () => {
    const sts = stsAs(sb.url, keysOf('alice'));
    const short = await sdkError(sts.send(new GetSessionTokenCommand({ DurationSeconds: 899 })));
    expect(short).toMatchObject({ name: 'ValidationError', status: 400 });
    expect(short.message).toContain(
      "Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
    const long = await sdkError(sts.send(new GetSessionTokenCommand({ DurationSeconds: 129_601 })));
    expect(long.message).toContain('less than or equal to 129600');
  });

  it('cannot be called with session credentials', async () => {
    const err = await sdkError(
      stsAs(sb.url, seededSessionOf('ASIASANDBOXCAROL0005')).send(new GetSessionTokenCommand({})),
    );
    expect(err).toEqual({
      name: 'AccessDenied',
      status: 403,
      message: 'Cannot call GetSessionToken with session credentials',
    });
  });
});
