import { describe, expect, it } from 'vitest';
import { modelledError, sdkError } from './aws-error-test-fixtures';
import type { ErrorCode } from './error-catalog';
import { mapAwsError, redactSecrets, type AwsErrorContext } from './map-aws-error';

// The edges of mapAwsError: the other wire codes IAM, STS and the SDK use for each catalog entry
// (from the API references' common errors and the SDK's retry classification, which names the
// throttling and clock codes of all AWS services), where the AWS code, status and request id are
// found in an error, and which errno or fetch message is a network failure. toStrictEqual: a fact
// that was not found must be absent, not undefined.

const RESYNC: AwsErrorContext = { action: 'ResyncMFADevice', credentialKind: 'long-term' };
const map = (err: unknown, context: AwsErrorContext = RESYNC) => mapAwsError(err, context);

describe('AWS codes', () => {
  it.each<[ErrorCode, string[]]>([
    ['ServiceFailure', ['InternalFailure', 'InternalError', 'ServiceUnavailable']],
    ['AccessDenied', ['AccessDenied', 'UnauthorizedOperation']],
    ['InvalidClientTokenId', ['InvalidClientTokenId', 'UnrecognizedClient', 'InvalidAccessKeyId']],
    ['SignatureDoesNotMatch', ['SignatureDoesNotMatch', 'IncompleteSignature', 'InvalidSignature']],
    ['ExpiredToken', ['ExpiredToken', 'TokenRefreshRequired']],
    ['RequestTimeTooSkewed', ['RequestTimeTooSkewed', 'RequestExpired', 'RequestInTheFuture']],
    [
      'Throttling',
      ['Throttled', 'RequestThrottled', 'BandwidthLimitExceeded', 'PriorRequestNotComplete', 'TooManyRequests'],
    ],
    ['ValidationError', ['Validation', 'InvalidParameterCombination']],
    ['NetworkTimeout', ['RequestTimeout']],
  ])('→ %s: %j, with or without the SDK’s "Exception"', (code, awsCodes) => {
    for (const awsCode of awsCodes) {
      // Status 400 everywhere, so that only the code can decide.
      expect(map(modelledError(awsCode, 400)).code, awsCode).toBe(code);
      expect(map(sdkError(`${awsCode}Exception`, 400)).code, awsCode).toBe(code);
    }
  });

  it('a session without MFA is told apart on every IAM call, GetUser included', () => {
    const refused = sdkError('InvalidClientTokenId', 403);
    for (const action of ['GetUser', 'ListMFADevices', 'ResyncMFADevice'] as const) {
      expect(map(refused, { action, sessionFromGetSessionTokenWithoutMfa: true }).code).toBe('SessionWithoutMfa');
    }
    expect(map(refused, { action: 'GetUser' }).operation).toBe('unlock');
  });

  it('a clock-skew message turns only SignatureDoesNotMatch into RequestTimeTooSkewed', () => {
    expect(map(sdkError('AccessDenied', 403, 'Signature expired: 20261203T080000Z is now earlier')).code).toBe(
      'AccessDenied',
    );
  });

  it('an STS code refusal message turns only AccessDenied into MfaCodeRejected', () => {
    const message = 'MultiFactorAuthentication failed with invalid MFA one time pass code.';
    expect(map(sdkError('Throttling', 400, message), { action: 'GetSessionToken' }).code).toBe('Throttling');
    expect(map(sdkError('Whatever', 400, message), { action: 'GetSessionToken' }).code).toBe('Unknown');
  });

  it('an unknown code is a service failure from status 500 on', () => {
    expect(map(sdkError('Whatever', 500)).code).toBe('ServiceFailure');
    expect(map(sdkError('Whatever', 499)).code).toBe('Unknown');
  });
});

describe('where the facts are found', () => {
  it('takes the code from Code, else from Error.Code, else from the name of a service error', () => {
    const meta = { $metadata: { httpStatusCode: 404 } };
    expect(map({ ...meta, Code: 'NoSuchEntity', name: 'Other' }).code).toBe('NoSuchEntity');
    expect(map({ ...meta, Error: { Code: 'NoSuchEntity' }, name: 'Other' }).code).toBe('NoSuchEntity');
    expect(map({ ...meta, Code: '', Error: { Code: 42 }, name: 'NoSuchEntity' }).code).toBe('NoSuchEntity');
  });

  it('a service error is one with a status or a fault side: either alone will do', () => {
    expect(map({ name: 'AccessDenied', message: 'no', $metadata: { httpStatusCode: 403 } })).toStrictEqual({
      operation: 'resync',
      code: 'AccessDenied',
      awsCode: 'AccessDenied',
      httpStatus: 403,
      detail: 'no',
    });
    expect(map({ name: 'AccessDenied', $fault: 'client' })).toStrictEqual({
      operation: 'resync',
      code: 'AccessDenied',
      awsCode: 'AccessDenied',
    });
  });

  it('takes the request id from the metadata, else from the error itself', () => {
    const err = { Code: 'AccessDenied', RequestId: 'req-1', $metadata: { httpStatusCode: 403 } };
    expect(map(err)).toStrictEqual({
      operation: 'resync',
      code: 'AccessDenied',
      awsCode: 'AccessDenied',
      httpStatus: 403,
      requestId: 'req-1',
    });
  });

  it('reports a status alone without any code or detail it did not find', () => {
    expect(map({ $metadata: { httpStatusCode: 502 } })).toStrictEqual({
      operation: 'resync',
      code: 'ServiceFailure',
      httpStatus: 502,
    });
  });

  it('a value that is neither an error nor text is Unknown, without a detail', () => {
    expect(map(42)).toStrictEqual({ operation: 'resync', code: 'Unknown' });
  });
});

describe('the detail', () => {
  it('is trimmed, and cut at 500 characters with an ellipsis only beyond them', () => {
    expect(map(sdkError('AccessDenied', 403, '  spaced out  ')).detail).toBe('spaced out');
    expect(map(sdkError('AccessDenied', 403, 'x'.repeat(500))).detail).toBe('x'.repeat(500));
    expect(map(sdkError('AccessDenied', 403, 'x'.repeat(501))).detail).toBe(`${'x'.repeat(500)}…`);
  });

  it('redacts only runs that mix upper case, lower case and digits', () => {
    for (const run of ['a1'.repeat(20), 'A1'.repeat(20), 'Ab'.repeat(20)]) {
      expect(redactSecrets(`x ${run} y`)).toBe(`x ${run} y`);
    }
    expect(redactSecrets(`x ${'Ab1'.repeat(14)} y`)).toBe('x [redacted] y');
  });
});

describe('network failures', () => {
  it.each<[string, ErrorCode]>([
    ['ESOCKETTIMEDOUT', 'NetworkTimeout'],
    ['UND_ERR_CONNECT_TIMEOUT', 'NetworkTimeout'],
    ['EPIPE', 'NetworkOffline'],
    ['EHOSTUNREACH', 'NetworkOffline'],
    ['ENETDOWN', 'NetworkOffline'],
    ['EWHATEVER', 'Unknown'],
  ])('node %s → %s', (errno, code) => {
    expect(map(Object.assign(new Error(`connect ${errno}`), { code: errno })).code).toBe(code);
  });

  it.each([
    ['fetch failed', 'NetworkOffline'],
    ['Network request failed', 'NetworkOffline'],
    ['Network request failed (offline)', 'NetworkOffline'],
    ['Something failed to fetch', 'Unknown'],
    ['Some NetworkError when attempting to fetch resource.', 'Unknown'],
    ['Page load failed', 'Unknown'],
    ['Load failed twice', 'Unknown'],
    ['Prefetch failed', 'Unknown'],
    ['fetch failed again', 'Unknown'],
    ['A network request failed', 'Unknown'],
  ])('a TypeError "%s" → %s', (message, code) => {
    expect(map(new TypeError(message)).code).toBe(code);
  });

  it('is a fetch failure only as a TypeError', () => {
    expect(map(new Error('Failed to fetch')).code).toBe('Unknown');
  });

  it('follows the cause chain five errors deep, no further', () => {
    const chain = (depth: number): Error => {
      let err: Error = Object.assign(new Error('getaddrinfo ENOTFOUND iam.amazonaws.com'), { code: 'ENOTFOUND' });
      for (let i = 1; i < depth; i += 1) err = new Error(`wrapper ${i}`, { cause: err });
      return err;
    };
    expect(map(chain(5)).code).toBe('NetworkDns');
    expect(map(chain(6))).toStrictEqual({ operation: 'resync', code: 'Unknown', detail: 'wrapper 1' });
  });
});
