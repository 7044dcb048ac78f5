import { Readable } from 'node:stream';
import { IAMClient, ResyncMFADeviceCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from './error-catalog';
import { mapAwsError } from './map-aws-error';

// The hand-made errors in map-aws-error.test.ts imitate the SDK; this file lets the real SDK v3
// clients (node build) parse a real AWS Query error body, so a change in how the SDK names or
// decorates its errors shows up here. Only the transport is replaced; nothing leaves the machine.

const FAKE_CREDENTIALS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

function answering(status: number, code: string, message: string) {
  const xml =
    '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">' +
    `<Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error>` +
    `<RequestId>req-${code}</RequestId></ErrorResponse>`;
  return {
    handle: async () => ({
      response: {
        statusCode: status,
        headers: { 'x-amzn-requestid': `req-${code}`, 'content-type': 'text/xml' },
        body: Readable.from([new TextEncoder().encode(xml)]),
      },
    }),
  };
}

async function resyncFailure(requestHandler: { handle: () => Promise<unknown> }): Promise<unknown> {
  const client = new IAMClient({ region: 'us-east-1', credentials: FAKE_CREDENTIALS, maxAttempts: 1, requestHandler });
  try {
    await client.send(
      new ResyncMFADeviceCommand({
        UserName: 'alice',
        SerialNumber: 'GAHT12345678',
        AuthenticationCode1: '123456',
        AuthenticationCode2: '654321',
      }),
    );
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('mapAwsError on errors thrown by the real SDK v3 IAM client', () => {
  it.each<[number, string, ErrorCode]>([
    [403, 'InvalidAuthenticationCode', 'InvalidAuthenticationCode'],
    [404, 'NoSuchEntity', 'NoSuchEntity'],
    [409, 'ConcurrentModification', 'ConcurrentModification'],
    [409, 'LimitExceeded', 'LimitExceeded'],
    [500, 'ServiceFailure', 'ServiceFailure'],
    [403, 'AccessDenied', 'AccessDenied'],
    [403, 'InvalidClientTokenId', 'InvalidClientTokenId'],
    [403, 'SignatureDoesNotMatch', 'SignatureDoesNotMatch'],
    [400, 'Throttling', 'Throttling'],
    [400, 'ValidationError', 'ValidationError'],
  ])('%i %s → %s', async (status, awsCode, code) => {
    const error = await resyncFailure(answering(status, awsCode, `${awsCode} from the test`));
    expect(mapAwsError(error, { action: 'ResyncMFADevice', credentialKind: 'long-term' })).toMatchObject({
      code,
      awsCode,
      httpStatus: status,
      requestId: `req-${awsCode}`,
    });
  });

  it('a transport TypeError comes out as NetworkOffline', async () => {
    const error = await resyncFailure({
      handle: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    expect(mapAwsError(error, { action: 'ResyncMFADevice' })).toEqual({
      operation: 'resync',
      code: 'NetworkOffline',
      detail: 'Failed to fetch',
    });
  });
});

describe('mapAwsError on errors thrown by the real SDK v3 STS client', () => {
  it('ExpiredToken (modelled by STS as ExpiredTokenException) → ExpiredToken', async () => {
    const sts = new STSClient({
      region: 'us-east-1',
      credentials: { ...FAKE_CREDENTIALS, accessKeyId: 'ASIAIOSFODNN7EXAMPLE', sessionToken: 'token' },
      maxAttempts: 1,
      requestHandler: answering(400, 'ExpiredToken', 'The security token included in the request is expired'),
    });
    const error = await sts.send(new GetCallerIdentityCommand({})).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(mapAwsError(error, { action: 'GetCallerIdentity', credentialKind: 'temporary' })).toMatchObject({
      code: 'ExpiredToken',
      httpStatus: 400,
    });
  });
});
