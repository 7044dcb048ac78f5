// SigV4 verification with hand-built requests (signed by the SDK's signer, then bent), plus the
// Query-protocol envelope, headers and action routing.
import { createHash } from 'node:crypto';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { seededSessionOf } from './seed';
import {
  form,
  keysOf,
  NodeSha256,
  sdkError,
  sendRaw,
  signAndSend,
  signRaw,
  stsAs,
  xmlValue,
  type RawRequest,
} from './sandbox-test-kit';
import { useTestSandbox } from './use-test-sandbox';

const sb = useTestSandbox();

const getUser = form({ Action: 'GetUser', Version: '2010-05-08' });
const alice = () => keysOf('alice');

async function expectError(res: Response, status: number, code: string): Promise<string> {
  const xml = await res.text();
  expect({ status: res.status, code: xmlValue(xml, 'Code') }).toEqual({ status, code });
  expect(xml).toMatch(/^<ErrorResponse xmlns="https:\/\/(iam|sts)\.amazonaws\.com\/doc\/20\d\d-\d\d-\d\d\/">/);
  expect(xmlValue(xml, 'RequestId')).toBe(res.headers.get('x-amzn-requestid'));
  return xmlValue(xml, 'Message') ?? '';
}

const at = (offsetMs: number) => new Date(sb.clock.now + offsetMs);
const send = (req: Partial<RawRequest>) =>
  signAndSend(sb.url, { credentials: alice(), body: getUser, signingDate: at(0), ...req });

describe('accepted signatures', () => {
  it('accepts a POST form request and answers IAM XML with the AWS headers', async () => {
    const res = await send({});
    const xml = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/xml');
    expect(res.headers.get('date')).toBe(new Date(sb.clock.now).toUTCString());
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toBe('Date, x-amzn-RequestId');
    expect(xml).toMatch(/^<GetUserResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/">/);
    expect(xmlValue(xml, 'UserName')).toBe('alice');
    expect(xmlValue(xml, 'RequestId')).toBe(res.headers.get('x-amzn-requestid'));
  });

  it('accepts the GET query-string form with characters that need encoding', async () => {
    const res = await send({
      body: undefined,
      method: 'GET',
      query: { Action: 'ListMFADevices', Version: '2010-05-08', UserName: 'alice', MaxItems: '1' },
    });
    expect(res.status).toBe(200);
    expect(xmlValue(await res.text(), 'SerialNumber')).toBe('arn:aws:iam::123456789012:mfa/alice-phone');
  });

  it('accepts a presigned URL (X-Amz-Signature in the query)', async () => {
    const { hostname, port } = new URL(sb.url);
    const signer = new SignatureV4({ credentials: alice(), region: 'us-east-1', service: 'sts', sha256: NodeSha256 });
    const presigned = await signer.presign(
      {
        method: 'GET',
        protocol: 'http:',
        hostname,
        port: Number(port),
        path: '/',
        headers: { host: `${hostname}:${port}` },
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      },
      { signingDate: at(0), expiresIn: 60 },
    );
    const res = await sendRaw(sb.url, presigned);
    expect(res.status).toBe(200);
    expect(xmlValue(await res.text(), 'Arn')).toBe('arn:aws:iam::123456789012:user/alice');
    sb.clock.now += 61_000;
    expect(await expectError(await sendRaw(sb.url, presigned), 403, 'SignatureDoesNotMatch')).toMatch(
      /^Signature expired: /,
    );
    sb.clock.now -= 61_000;
  });

  it('canonicalises odd paths, encoded query keys and untrimmed header values the way the SDK signs them', async () => {
    const res = await send({
      path: '/a/./b/../c%20d/~x_y.z-%2A/',
      query: { 'b key': 'v/1', a: 'x=y&z', empty: '' },
      headers: { 'x-amz-meta-note': '  spaced   out  value ', 'x-custom': 'one' },
    });
    expect(res.status).toBe(200);
  });

  it('accepts IAM scopes of all three partitions and STS in any region, rejects IAM elsewhere', async () => {
    for (const region of ['us-east-1', 'us-gov-west-1', 'cn-north-1'])
      expect((await send({ region })).status).toBe(200);
    expect(await expectError(await send({ region: 'eu-west-1' }), 403, 'SignatureDoesNotMatch')).toBe(
      "Credential should be scoped to a valid region, not 'eu-west-1'. ",
    );
    const sts = await send({
      service: 'sts',
      region: 'ap-southeast-2',
      body: form({ Action: 'GetCallerIdentity', Version: '2011-06-15' }),
    });
    expect(sts.status).toBe(200);
  });
});

describe('rejected requests', () => {
  it('MissingAuthenticationToken when unsigned', async () => {
    const res = await fetch(sb.url, {
      method: 'POST',
      body: getUser,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(await expectError(res, 403, 'MissingAuthenticationToken')).toBe('Request is missing Authentication Token');
  });

  it('InvalidClientTokenId for an unknown access key', async () => {
    const res = await send({
      credentials: { accessKeyId: 'AKIANOTASANDBOXKEY00', secretAccessKey: alice().secretAccessKey },
    });
    expect(await expectError(res, 403, 'InvalidClientTokenId')).toBe(
      'The security token included in the request is invalid.',
    );
  });

  it('SignatureDoesNotMatch for a wrong secret', async () => {
    const res = await send({
      credentials: { ...alice(), secretAccessKey: `${alice().secretAccessKey.slice(0, -1)}X` },
    });
    expect(await expectError(res, 403, 'SignatureDoesNotMatch')).toMatch(
      /^The request signature we calculated does not match/,
    );
  });

  it('SignatureDoesNotMatch for a body changed after signing, even with the original x-amz-content-sha256', async () => {
    const original = form({ Action: 'ListMFADevices', Version: '2010-05-08', UserName: 'alice' });
    const tampered = form({ Action: 'ListMFADevices', Version: '2010-05-08', UserName: 'bobby' });
    const signed = await signRaw(sb.url, {
      credentials: keysOf('carol-admin'),
      body: original,
      signingDate: at(0),
      headers: { 'x-amz-content-sha256': createHash('sha256').update(original).digest('hex') },
    });
    expect(signed.headers['authorization']).toContain('x-amz-content-sha256');
    await expectError(await sendRaw(sb.url, signed, tampered), 403, 'SignatureDoesNotMatch');
    expect((await sendRaw(sb.url, signed)).status).toBe(200);
  });

  it('SignatureDoesNotMatch "Signature expired" / "not yet current" beyond 15 minutes of skew', async () => {
    expect((await send({ signingDate: at(-14 * 60_000) })).status).toBe(200);
    expect(await expectError(await send({ signingDate: at(-16 * 60_000) }), 403, 'SignatureDoesNotMatch')).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)$/,
    );
    expect(await expectError(await send({ signingDate: at(16 * 60_000) }), 403, 'SignatureDoesNotMatch')).toMatch(
      /^Signature not yet current: /,
    );
  });

  it('the SDK recovers from its own clock skew using the Date header (next call succeeds)', async () => {
    const sts = stsAs(sb.url, alice());
    sts.config.systemClockOffset = -30 * 60_000;
    expect((await sdkError(sts.send(new GetCallerIdentityCommand({})))).name).toBe('SignatureDoesNotMatch');
    expect(Math.abs(sts.config.systemClockOffset - (sb.clock.now - Date.now()))).toBeLessThan(2_000);
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toContain('user/alice');
  });

  it('ExpiredToken for expired temporary credentials, InvalidClientTokenId for a missing or wrong token', async () => {
    await expectError(await send({ credentials: seededSessionOf('ASIASANDBOXEXPIRED06') }), 403, 'ExpiredToken');
    const valid = seededSessionOf('ASIASANDBOXCAROL0005');
    expect((await send({ credentials: valid })).status).toBe(200);
    await expectError(await send({ credentials: { ...valid, sessionToken: undefined } }), 403, 'InvalidClientTokenId');
    await expectError(
      await send({ credentials: { ...valid, sessionToken: `${valid.sessionToken}x` } }),
      403,
      'InvalidClientTokenId',
    );
  });

  it('IncompleteSignature for a malformed Authorization header', async () => {
    const res = await fetch(sb.url, {
      method: 'POST',
      body: getUser,
      headers: {
        authorization: 'AWS4-HMAC-SHA256 Credential=AKIASANDBOXALICE0001/20240101/us-east-1/iam/aws4_request',
      },
    });
    expect(await expectError(res, 400, 'IncompleteSignature')).toContain(
      "Authorization header requires 'Signature' parameter.",
    );
  });

  it('InvalidAction for unknown actions, wrong versions, and STS actions signed for IAM', async () => {
    expect(
      await expectError(
        await send({ body: form({ Action: 'DeleteUser', Version: '2010-05-08' }) }),
        400,
        'InvalidAction',
      ),
    ).toBe('Could not find operation DeleteUser for version 2010-05-08');
    await expectError(await send({ body: form({ Action: 'GetUser', Version: '2011-06-15' }) }), 400, 'InvalidAction');
    await expectError(
      await send({ body: form({ Action: 'GetCallerIdentity', Version: '2011-06-15' }) }),
      400,
      'InvalidAction',
    );
    await expectError(await send({ body: form({ Version: '2010-05-08' }) }), 400, 'MissingAction');
  });
});

describe('CORS', () => {
  it('answers preflight permissively and echoes the requested headers', async () => {
    const res = await fetch(sb.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'chrome-extension://abc',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,x-amz-date',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization,x-amz-date');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });
});
