// Every error the extension's catalog can get from IAM/STS, provoked at the sandbox and parsed by
// Debian's botocore (an independent SigV4 signer and Query-protocol parser). Each must parse
// without a parser error and carry the code, HTTP status and Type the API reference documents,
// and the modelled ones must match botocore's service model. Skipped without python3-botocore,
// except in CI, where that fails the run.
import type { AwsCredentialIdentity } from '@smithy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/shared/error-catalog';
import { mapAwsError, type AwsAction } from '../../src/shared/map-aws-error';
import { seededSessionOf } from './seed';
import { controlGet, controlPost, keysOf, phone, SERIALS, secondClientAvailable } from './sandbox-test-kit';
import {
  clientError,
  errorShapeForCode,
  hasDebianBotocore,
  modeledErrors,
  okReply,
  serviceModel,
  startBotocore,
  type Botocore,
  type BotocoreRequest,
} from './second-client/botocore';
import { DOCUMENTED_ERRORS } from './second-client/documented-errors';
import { useTestSandbox } from './use-test-sandbox';

const available = secondClientAvailable(hasDebianBotocore(), "Debian's python3-botocore (/usr/bin/python3)");
const sb = useTestSandbox({ resetEach: true });
let botocore: Botocore;
beforeAll(() => {
  if (available) botocore = startBotocore(sb.url);
});
afterAll(() => botocore?.close());

const alice = keysOf('alice');
const bob = keysOf('bob');
const carol = keysOf('carol-admin');
const unknownKey = { accessKeyId: 'AKIASANDBOXUNKNOWN99', secretAccessKey: alice.secretAccessKey };
const wrongSecret = { ...alice, secretAccessKey: `${alice.secretAccessKey.slice(0, -4)}XXXX` };

const iam = (operation: AwsAction, credentials: AwsCredentialIdentity, params = {}): BotocoreRequest => ({
  service: 'iam',
  operation,
  credentials,
  params,
});
const sts = (operation: AwsAction, credentials: AwsCredentialIdentity, params = {}): BotocoreRequest => ({
  service: 'sts',
  operation,
  credentials,
  params,
});
const resyncAlice = (serial: string, code1: string, code2: string, credentials = alice) =>
  iam('ResyncMFADevice', credentials, {
    UserName: 'alice',
    SerialNumber: serial,
    AuthenticationCode1: code1,
    AuthenticationCode2: code2,
  });
const inject = (action: string, code: string) => async () =>
  void (await controlPost(sb.url, 'inject', { action, code }));

interface ErrorCase {
  catalog: ErrorCode;
  awsCode: string;
  how: string;
  request: () => Promise<BotocoreRequest> | BotocoreRequest;
  before?: () => Promise<void>;
  /** For SessionWithoutMfa: what the background knows about the credentials. */
  sessionWithoutMfa?: boolean;
}

const CASES: ErrorCase[] = [
  {
    catalog: 'InvalidAuthenticationCode',
    awsCode: 'InvalidAuthenticationCode',
    how: 'ResyncMFADevice with made-up codes',
    request: () => resyncAlice(SERIALS.alicePhone, '111111', '222222'),
  },
  {
    catalog: 'NotResyncable',
    awsCode: 'InvalidAuthenticationCode',
    how: 'ResyncMFADevice on a FIDO key',
    request: () => resyncAlice(SERIALS.aliceYubikey, '123456', '654321'),
  },
  {
    catalog: 'NoSuchEntity',
    awsCode: 'NoSuchEntity',
    how: 'ResyncMFADevice on a serial the user does not have',
    request: () => resyncAlice('arn:aws:iam::123456789012:mfa/no-such-phone', '123456', '654321'),
  },
  {
    catalog: 'NoSuchEntity',
    awsCode: 'NoSuchEntity',
    how: 'ListMFADevices of a user that does not exist',
    request: () => iam('ListMFADevices', carol, { UserName: 'nobody' }),
  },
  ...(['ConcurrentModification', 'LimitExceeded', 'ServiceFailure'] as const).map((code): ErrorCase => ({
    catalog: code,
    awsCode: code,
    how: `ResyncMFADevice with an injected ${code}`,
    before: inject('ResyncMFADevice', code),
    request: () => resyncAlice(SERIALS.alicePhone, '111111', '222222'),
  })),
  {
    catalog: 'ServiceFailure',
    awsCode: 'ServiceFailure',
    how: 'ListMFADevices with an injected ServiceFailure',
    before: inject('ListMFADevices', 'ServiceFailure'),
    request: () => iam('ListMFADevices', alice),
  },
  {
    catalog: 'ServiceFailure',
    awsCode: 'ServiceUnavailable',
    how: 'GetCallerIdentity with an injected ServiceUnavailable',
    before: inject('GetCallerIdentity', 'ServiceUnavailable'),
    request: () => sts('GetCallerIdentity', alice),
  },
  {
    catalog: 'Throttling',
    awsCode: 'Throttling',
    how: 'ListMFADevices with an injected Throttling',
    before: inject('ListMFADevices', 'Throttling'),
    request: () => iam('ListMFADevices', alice),
  },
  {
    catalog: 'AccessDenied',
    awsCode: 'AccessDenied',
    how: 'ListMFADevices of another user without permission',
    request: () => iam('ListMFADevices', bob, { UserName: 'alice' }),
  },
  {
    catalog: 'AccessDenied',
    awsCode: 'AccessDenied',
    how: "ResyncMFADevice of another user's device without permission",
    request: () => resyncAlice(SERIALS.alicePhone, '111111', '222222', bob),
  },
  {
    catalog: 'MfaCodeRejected',
    awsCode: 'AccessDenied',
    how: 'GetSessionToken with a wrong MFA code',
    request: () => sts('GetSessionToken', bob, { SerialNumber: SERIALS.bobPhone, TokenCode: '000000' }),
  },
  {
    catalog: 'AccessDenied',
    awsCode: 'AccessDenied',
    how: 'GetSessionToken with session credentials',
    request: () => sts('GetSessionToken', seededSessionOf('ASIASANDBOXCAROL0005')),
  },
  {
    catalog: 'InvalidClientTokenId',
    awsCode: 'InvalidClientTokenId',
    how: 'GetCallerIdentity with an unknown access key',
    request: () => sts('GetCallerIdentity', unknownKey),
  },
  {
    catalog: 'InvalidClientTokenId',
    awsCode: 'InvalidClientTokenId',
    how: 'ListMFADevices with an unknown access key',
    request: () => iam('ListMFADevices', unknownKey),
  },
  {
    catalog: 'SignatureDoesNotMatch',
    awsCode: 'SignatureDoesNotMatch',
    how: 'GetCallerIdentity with a wrong secret key',
    request: () => sts('GetCallerIdentity', wrongSecret),
  },
  {
    catalog: 'SignatureDoesNotMatch',
    awsCode: 'SignatureDoesNotMatch',
    how: 'ResyncMFADevice with a wrong secret key',
    request: () => resyncAlice(SERIALS.alicePhone, '111111', '222222', wrongSecret),
  },
  {
    catalog: 'ExpiredToken',
    awsCode: 'ExpiredToken',
    how: 'GetCallerIdentity with an expired session',
    request: () => sts('GetCallerIdentity', seededSessionOf('ASIASANDBOXEXPIRED06')),
  },
  {
    catalog: 'SessionWithoutMfa',
    awsCode: 'InvalidClientTokenId',
    how: 'ListMFADevices with a GetSessionToken session made without MFA',
    sessionWithoutMfa: true,
    request: async () => {
      const c = okReply(await botocore.call(sts('GetSessionToken', alice))).Credentials as Record<string, string>;
      const session = { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
      return iam('ListMFADevices', session as AwsCredentialIdentity);
    },
  },
  {
    catalog: 'RequestTimeTooSkewed',
    awsCode: 'SignatureDoesNotMatch',
    how: 'GetCallerIdentity from a computer clock 20 minutes behind the server',
    before: async () => void (sb.clock.now += 20 * 60_000),
    request: () => sts('GetCallerIdentity', alice),
  },
  {
    catalog: 'ValidationError',
    awsCode: 'ValidationError',
    how: 'ResyncMFADevice with a five-digit code',
    request: () => resyncAlice(SERIALS.alicePhone, '12345', '222222'),
  },
  {
    catalog: 'ValidationError',
    awsCode: 'ValidationError',
    how: 'GetSessionToken with DurationSeconds below 900',
    request: () => sts('GetSessionToken', bob, { DurationSeconds: 100 }),
  },
];

describe.skipIf(!available)('botocore parses every catalog error the sandbox answers with', () => {
  it.each(CASES)('$catalog ← $awsCode: $how', async (c) => {
    const startedAt = sb.clock.now;
    try {
      await c.before?.();
      const request = await c.request();
      const result = clientError(await botocore.call(request));
      const documented = DOCUMENTED_ERRORS[c.awsCode];
      expect(documented, `${c.awsCode} has a documented status`).toBeDefined();
      expect([result.error.Code, result.status, result.error.Type]).toEqual([
        c.awsCode,
        documented?.status,
        documented?.type,
      ]);
      expect(result.error.Message).toMatch(/\S/);
      const [lastCall] = (await controlGet<Array<{ requestId: string }>>(sb.url, 'calls')).slice(-1);
      expect(result.requestId).toBe(lastCall?.requestId);

      // Where botocore's model has an error shape for the code, status and side must agree with it
      // too (and with the operation's own error list, if it names the code), and botocore must
      // raise the modelled exception; for codes without a shape, the generic ClientError.
      const model = serviceModel(request.service);
      const shape = errorShapeForCode(model, c.awsCode);
      const listed = modeledErrors(model, request.operation).find((e) => e.code === c.awsCode);
      for (const modeled of [shape, listed]) {
        if (modeled) expect([modeled.status, modeled.type]).toEqual([result.status, result.error.Type]);
      }
      expect(result.raisedAs).toBe(shape ? shape.shape : 'ClientError');

      // And the code botocore read is the one the extension's mapping turns into this catalog entry.
      const asSdkError = {
        name: c.awsCode,
        Code: c.awsCode,
        message: result.error.Message,
        $metadata: { httpStatusCode: result.status, requestId: result.requestId },
      };
      const mapped = mapAwsError(asSdkError, {
        action: request.operation as AwsAction,
        sessionFromGetSessionTokenWithoutMfa: c.sessionWithoutMfa ?? false,
      });
      expect(mapped.code).toBe(c.catalog === 'NotResyncable' ? 'InvalidAuthenticationCode' : c.catalog);
    } finally {
      sb.clock.now = startedAt;
    }
  });

  it('a dropped connection is a connection error to botocore, not a reply it fails to parse', async () => {
    await controlPost(sb.url, 'inject', { action: 'GetCallerIdentity', resetConnection: true });
    const result = await botocore.call(sts('GetCallerIdentity', alice));
    expect(result.kind).toBe('ConnectionClosedError');
  });

  it('the four operations the extension calls parse into the values the sandbox holds', async () => {
    const codes = (await phone(sb.url, SERIALS.alicePhone)).codes;
    const bobCode = (await phone(sb.url, SERIALS.bobPhone)).codes[0];
    const [identity, devices, resync, session] = [
      await botocore.call(sts('GetCallerIdentity', alice)),
      await botocore.call(iam('ListMFADevices', alice)),
      await botocore.call(resyncAlice(SERIALS.alicePhone, codes[0], codes[1])),
      await botocore.call(sts('GetSessionToken', bob, { SerialNumber: SERIALS.bobPhone, TokenCode: bobCode })),
    ];
    expect(identity).toMatchObject({
      kind: 'ok',
      reply: { UserId: 'AIDASANDBOXALICE00001', Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/alice' },
    });
    expect(devices).toMatchObject({ kind: 'ok', reply: { IsTruncated: false } });
    const listed = okReply(devices).MFADevices as Array<Record<string, string>>;
    expect(listed.map((d) => [d.UserName, d.SerialNumber])).toEqual([
      ['alice', SERIALS.alicePhone],
      ['alice', SERIALS.aliceYubikey],
    ]);
    // botocore turned EnableDate into a datetime (the driver prints it back in ISO form).
    for (const d of listed) expect(Number.isNaN(Date.parse(d.EnableDate ?? ''))).toBe(false);
    expect(resync).toMatchObject({ kind: 'ok', status: 200, reply: {} });
    expect(session).toMatchObject({
      kind: 'ok',
      reply: { Credentials: { AccessKeyId: expect.stringMatching(/^ASIA/) } },
    });
  });
});
