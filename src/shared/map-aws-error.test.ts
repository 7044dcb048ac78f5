import { describe, expect, it } from 'vitest';
import type { ErrorCode } from './error-catalog';
import { modelledError, sdkError } from './aws-error-test-fixtures';
import { mapAwsError, redactSecrets, type AwsErrorContext } from './map-aws-error';

const RESYNC: AwsErrorContext = { action: 'ResyncMFADevice', credentialKind: 'long-term' };

describe('mapAwsError: ResyncMFADevice errors from the API reference', () => {
  it.each<[string, number, ErrorCode]>([
    ['InvalidAuthenticationCode', 403, 'InvalidAuthenticationCode'],
    ['NoSuchEntity', 404, 'NoSuchEntity'],
    ['ConcurrentModification', 409, 'ConcurrentModification'],
    ['LimitExceeded', 409, 'LimitExceeded'],
    ['ServiceFailure', 500, 'ServiceFailure'],
  ])('%s (%i) → %s, with AWS code, status and request id', (awsCode, status, code) => {
    const expected = { code, awsCode, httpStatus: status, requestId: `req-${awsCode}Exception` };
    expect(mapAwsError(modelledError(awsCode, status), RESYNC)).toMatchObject(expected);
    // Also when only `name` carries the code (older SDKs, hand-made errors).
    expect(mapAwsError(sdkError(awsCode, status), RESYNC)).toMatchObject({ code, awsCode, httpStatus: status });
  });

  it('keeps AWS message as detail for service errors', () => {
    const err = modelledError('NoSuchEntity', 404, 'The user with name bob cannot be found.');
    expect(mapAwsError(err, RESYNC).detail).toBe('The user with name bob cannot be found.');
  });
});

describe('mapAwsError: authentication and authorisation', () => {
  it('AccessDenied keeps the message naming the missing permission', () => {
    const message =
      'User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:ResyncMFADevice on resource: user alice because no identity-based policy allows the iam:ResyncMFADevice action';
    expect(mapAwsError(sdkError('AccessDenied', 403, message), RESYNC)).toEqual({
      operation: 'resync',
      code: 'AccessDenied',
      awsCode: 'AccessDenied',
      httpStatus: 403,
      requestId: 'req-AccessDenied',
      detail: message,
    });
  });

  it('AccessDenied detail has key ids and secrets redacted', () => {
    const message =
      'User: arn:aws:iam::123456789012:user/alice (key AKIAIOSFODNN7EXAMPLE, secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY) is not authorized';
    const detail = mapAwsError(sdkError('AccessDenied', 403, message), RESYNC).detail ?? '';
    expect(detail).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(detail).not.toContain('wJalrXUtnFEMI');
    expect(detail).toContain('arn:aws:iam::123456789012:user/alice');
  });

  it('STS refusing an MFA code → MfaCodeRejected, only for GetSessionToken; other AccessDenied stays', () => {
    const refused = () =>
      sdkError('AccessDenied', 403, 'MultiFactorAuthentication failed with invalid MFA one time pass code.');
    expect(mapAwsError(refused(), { action: 'GetSessionToken' })).toMatchObject({
      code: 'MfaCodeRejected',
      awsCode: 'AccessDenied',
      httpStatus: 403,
    });
    expect(mapAwsError(refused(), RESYNC).code).toBe('AccessDenied');
    const session = sdkError('AccessDenied', 403, 'Cannot call GetSessionToken with session credentials');
    expect(mapAwsError(session, { action: 'GetSessionToken' }).code).toBe('AccessDenied');
  });

  it('InvalidClientTokenId with a GetSessionToken session without MFA on an IAM call → SessionWithoutMfa', () => {
    const context: AwsErrorContext = {
      action: 'ListMFADevices',
      credentialKind: 'temporary',
      sessionFromGetSessionTokenWithoutMfa: true,
    };
    const mapped = mapAwsError(
      sdkError('InvalidClientTokenId', 403, 'The security token included in the request is invalid.'),
      context,
    );
    expect(mapped).toEqual({
      operation: 'list',
      code: 'SessionWithoutMfa',
      awsCode: 'InvalidClientTokenId',
      httpStatus: 403,
      requestId: 'req-InvalidClientTokenId',
    });
  });

  it('InvalidClientTokenId stays itself without that context, or on an STS call', () => {
    const err = sdkError('InvalidClientTokenId', 403);
    expect(mapAwsError(err, { action: 'ResyncMFADevice', credentialKind: 'temporary' }).code).toBe(
      'InvalidClientTokenId',
    );
    expect(mapAwsError(err, { action: 'GetCallerIdentity', sessionFromGetSessionTokenWithoutMfa: true }).code).toBe(
      'InvalidClientTokenId',
    );
  });

  it('SignatureDoesNotMatch is a wrong secret, unless the message says the signature expired (clock)', () => {
    expect(
      mapAwsError(
        sdkError(
          'SignatureDoesNotMatch',
          403,
          'The request signature we calculated does not match the signature you provided.',
        ),
        RESYNC,
      ).code,
    ).toBe('SignatureDoesNotMatch');
    const skew =
      'Signature expired: 20260301T120000Z is now earlier than 20260301T121000Z (20260301T122500Z - 15 min.)';
    expect(mapAwsError(sdkError('SignatureDoesNotMatch', 403, skew), RESYNC)).toMatchObject({
      code: 'RequestTimeTooSkewed',
      awsCode: 'SignatureDoesNotMatch',
    });
  });

  it.each(['RequestTimeTooSkewed', 'RequestExpired', 'RequestInTheFuture'])('%s → RequestTimeTooSkewed', (name) => {
    expect(mapAwsError(sdkError(name, 403), RESYNC).code).toBe('RequestTimeTooSkewed');
  });

  it.each(['ExpiredToken', 'ExpiredTokenException'])('%s → ExpiredToken', (name) => {
    expect(mapAwsError(sdkError(name, 400), { action: 'GetCallerIdentity', credentialKind: 'temporary' }).code).toBe(
      'ExpiredToken',
    );
  });
});

describe('mapAwsError: throttling, validation and fallbacks', () => {
  it.each(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown'])(
    '%s → Throttling',
    (name) => {
      expect(mapAwsError(sdkError(name, 400), RESYNC)).toMatchObject({ code: 'Throttling', awsCode: name });
    },
  );

  it('keeps IAM LimitExceeded apart from throttling, though the SDK retries both', () => {
    expect(mapAwsError(modelledError('LimitExceeded', 409), RESYNC).code).toBe('LimitExceeded');
  });

  it.each(['ValidationError', 'InvalidInputException', 'InvalidParameterValue', 'MissingParameter'])(
    '%s → ValidationError with detail',
    (name) => {
      const message = "1 validation error detected: Value at 'authenticationCode1' failed to satisfy constraint";
      expect(mapAwsError(sdkError(name, 400, message), RESYNC)).toMatchObject({
        code: 'ValidationError',
        detail: message,
      });
    },
  );

  it('unknown AWS codes → Unknown with the AWS code and request id', () => {
    expect(mapAwsError(sdkError('SomethingNew', 400, 'odd'), RESYNC)).toEqual({
      operation: 'resync',
      code: 'Unknown',
      awsCode: 'SomethingNew',
      httpStatus: 400,
      requestId: 'req-SomethingNew',
      detail: 'odd',
    });
  });

  it('unknown codes with 429 or 5xx fall back to Throttling / ServiceFailure', () => {
    expect(mapAwsError(sdkError('Whatever', 429), RESYNC).code).toBe('Throttling');
    expect(mapAwsError(sdkError('InternalFailure', 500), RESYNC).code).toBe('ServiceFailure');
    expect(mapAwsError(sdkError('Whatever', 503), RESYNC).code).toBe('ServiceFailure');
  });

  it('a service error with only a status (no name worth reading) still reports it', () => {
    const err = { $metadata: { httpStatusCode: 502 }, message: 'Bad Gateway' };
    expect(mapAwsError(err, RESYNC)).toMatchObject({ code: 'ServiceFailure', httpStatus: 502 });
  });

  it('non-errors and plain errors → Unknown, never a crash', () => {
    expect(mapAwsError(undefined, RESYNC)).toEqual({ operation: 'resync', code: 'Unknown' });
    expect(mapAwsError(null, RESYNC)).toEqual({ operation: 'resync', code: 'Unknown' });
    expect(mapAwsError('boom', RESYNC)).toEqual({ operation: 'resync', code: 'Unknown', detail: 'boom' });
    expect(mapAwsError(new Error('DOMParser is not defined'), RESYNC)).toEqual({
      operation: 'resync',
      code: 'Unknown',
      detail: 'DOMParser is not defined',
    });
    // A programming error is not reported as if AWS had said "TypeError".
    expect(mapAwsError(new TypeError("Cannot read properties of undefined (reading 'x')"), RESYNC)).toMatchObject({
      code: 'Unknown',
    });
    expect(mapAwsError(new TypeError('x'), RESYNC)).not.toHaveProperty('awsCode');
  });

  it('caps a very long detail', () => {
    const detail = mapAwsError(sdkError('AccessDenied', 403, 'x '.repeat(1000)), RESYNC).detail ?? '';
    expect(detail.length).toBeLessThanOrEqual(501);
  });
});

describe('mapAwsError: network failures', () => {
  // The SDK's retry middleware adds $metadata (attempts, no status) to network errors too.
  const withRetryMetadata = <T extends Error>(err: T) =>
    Object.assign(err, { $metadata: { attempts: 1, totalRetryDelay: 0 } });

  it.each([
    ['Chrome', 'Failed to fetch'],
    ['Firefox', 'NetworkError when attempting to fetch resource.'],
    ['Safari', 'Load failed'],
  ])('%s fetch TypeError → NetworkOffline', (_browser, message) => {
    expect(mapAwsError(withRetryMetadata(new TypeError(message)), RESYNC)).toEqual({
      operation: 'resync',
      code: 'NetworkOffline',
      detail: message,
    });
  });

  it.each([
    ['TimeoutError', 'Request did not complete within 30000 ms'],
    ['AbortError', 'The operation was aborted.'],
  ])('%s → NetworkTimeout', (name, message) => {
    expect(mapAwsError(Object.assign(new Error(message), { name }), RESYNC).code).toBe('NetworkTimeout');
  });

  it.each<[string, ErrorCode]>([
    ['ENOTFOUND', 'NetworkDns'],
    ['EAI_AGAIN', 'NetworkDns'],
    ['ETIMEDOUT', 'NetworkTimeout'],
    ['ECONNREFUSED', 'NetworkOffline'],
    ['ECONNRESET', 'NetworkOffline'],
    ['ENETUNREACH', 'NetworkOffline'],
  ])('node %s → %s', (errno, code) => {
    const err = Object.assign(new Error(`connect ${errno} iam.amazonaws.com`), { code: errno });
    expect(mapAwsError(err, RESYNC).code).toBe(code);
  });

  it('reads the errno before the name the SDK node handler gives it ("TimeoutError" on ECONNRESET)', () => {
    const err = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', name: 'TimeoutError' });
    expect(mapAwsError(err, RESYNC).code).toBe('NetworkOffline');
  });

  it('finds the reason in the cause chain (node fetch: "fetch failed")', () => {
    const cause = Object.assign(new Error('getaddrinfo ENOTFOUND iam.amazonaws.com'), { code: 'ENOTFOUND' });
    const err = new TypeError('fetch failed', { cause });
    expect(mapAwsError(err, RESYNC)).toEqual({
      operation: 'resync',
      code: 'NetworkDns',
      detail: 'getaddrinfo ENOTFOUND iam.amazonaws.com',
    });
  });

  it('survives a cause cycle', () => {
    const err: Error & { cause?: unknown } = new TypeError('fetch failed');
    err.cause = err;
    expect(mapAwsError(err, RESYNC).code).toBe('NetworkOffline');
  });
});

describe('redactSecrets', () => {
  it('redacts access key ids of every kind that can sign', () => {
    for (const id of ['AKIAIOSFODNN7EXAMPLE', 'ASIAIOSFODNN7EXAMPLE', 'ABIAIOSFODNN7EXAMPLE', 'ACCAIOSFODNN7EXAMPLE']) {
      expect(redactSecrets(`key ${id}.`)).toBe('key [redacted key id].');
    }
  });

  it('redacts 40-character secrets and long session tokens', () => {
    expect(redactSecrets('secret=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY;')).toBe('secret=[redacted];');
    const token = 'IQoJb3JpZ2luX2VjEXAMPLEaCXVzLWVhc3QtMSJHMEUCIQDfakeTOKEN+only/NOTREAL1234567890abcdEFGH==';
    expect(redactSecrets(`token ${token} end`)).toBe('token [redacted] end');
  });

  it('leaves ARNs, request ids, permission names and ordinary words alone', () => {
    const text =
      'User: arn:aws:iam::123456789012:user/division/team/alice is not authorized to perform: iam:ResyncMFADevice (request 7a62c49f-347e-4fc4-9331-6e8eEXAMPLE) AIDACKCEVSQ6C2EXAMPLE';
    expect(redactSecrets(text)).toBe(text);
    expect(redactSecrets('a'.repeat(60))).toBe('a'.repeat(60));
  });

  it('does not redact a key-id-like run inside a longer word', () => {
    expect(redactSecrets('XAKIAIOSFODNN7EXAMPLE')).toBe('XAKIAIOSFODNN7EXAMPLE');
  });
});

describe('mapAwsError: the step that failed', () => {
  it('names the step from the action, so the popup can pick that step’s next step', () => {
    const throttled = sdkError('Throttling', 400);
    expect(mapAwsError(throttled, { action: 'GetCallerIdentity' }).operation).toBe('unlock');
    expect(mapAwsError(throttled, { action: 'ListMFADevices' }).operation).toBe('list');
    expect(mapAwsError(throttled, { action: 'ResyncMFADevice' }).operation).toBe('resync');
    expect(mapAwsError(throttled, { action: 'GetSessionToken' }).operation).toBe('elevate');
    expect(mapAwsError(new TypeError('Failed to fetch'), { action: 'ListMFADevices' }).operation).toBe('list');
  });

  it('takes the step from the caller where one action serves two (GetSessionToken: check or elevate)', () => {
    const refused = sdkError(
      'AccessDenied',
      403,
      'MultiFactorAuthentication failed with invalid MFA one time pass code.',
    );
    expect(mapAwsError(refused, { action: 'GetSessionToken', operation: 'check' })).toMatchObject({
      code: 'MfaCodeRejected',
      operation: 'check',
    });
  });
});
