import type { ErrorCode, UserFacingError } from './error-catalog';
import type { Operation } from './operations';
import { UnsupportedEndpointError } from './partitions';

// Turns whatever the AWS SDK v3 (or fetch underneath it) threw into one catalog code plus the facts
// support needs (AWS code, HTTP status, request id). Pure: no I/O, no retries.
//
// Shapes seen from SDK v3 (IAM/STS use the AWS Query protocol):
// - modelled errors: `name` = 'InvalidAuthenticationCodeException', `Code` = 'InvalidAuthenticationCode'
// - unmodelled errors (AccessDenied, InvalidClientTokenId, Throttling, …): `name` = the AWS code
// - both carry `$metadata: { httpStatusCode, requestId }` and `$fault: 'client' | 'server'`
// - fetch failures: TypeError 'Failed to fetch' (Chrome), 'NetworkError when attempting to fetch
//   resource.' (Firefox), 'Load failed' (Safari), 'fetch failed' + `cause.code` (node/undici)
// - timeouts: name 'TimeoutError' / 'AbortError'; node errors carry `code` ENOTFOUND, ECONNRESET, …
//   (the SDK's node handler renames ECONNRESET/EPIPE/ETIMEDOUT errors to 'TimeoutError', so `code`
//   is read before `name`).

export type AwsAction = 'GetCallerIdentity' | 'ListMFADevices' | 'ResyncMFADevice' | 'GetSessionToken' | 'GetUser';

export interface AwsErrorContext {
  action: AwsAction;
  credentialKind?: 'temporary' | 'long-term';
  /** The credentials are a GetSessionToken session obtained without an MFA code. */
  sessionFromGetSessionTokenWithoutMfa?: boolean;
  /** The step that failed, when the action alone does not tell (GetSessionToken: check or elevate). */
  operation?: Operation;
}

const OPERATION_OF: Readonly<Record<AwsAction, Operation>> = {
  GetCallerIdentity: 'unlock',
  GetUser: 'unlock',
  ListMFADevices: 'list',
  ResyncMFADevice: 'resync',
  GetSessionToken: 'elevate',
};

const IAM_ACTIONS: ReadonlySet<AwsAction> = new Set(['ListMFADevices', 'ResyncMFADevice', 'GetUser']);

// AWS codes after dropping a trailing 'Exception' (the SDK's modelled names add it, the wire code
// usually does not), grouped by the catalog code they mean for the user.
const AWS_CODE_GROUPS: ReadonlyArray<readonly [ErrorCode, readonly string[]]> = [
  ['InvalidAuthenticationCode', ['InvalidAuthenticationCode']],
  ['NoSuchEntity', ['NoSuchEntity']],
  ['ConcurrentModification', ['ConcurrentModification']],
  ['LimitExceeded', ['LimitExceeded']],
  ['ServiceFailure', ['ServiceFailure', 'InternalFailure', 'InternalError', 'ServiceUnavailable']],
  ['AccessDenied', ['AccessDenied', 'UnauthorizedOperation']],
  ['InvalidClientTokenId', ['InvalidClientTokenId', 'UnrecognizedClient', 'InvalidAccessKeyId']],
  ['SignatureDoesNotMatch', ['SignatureDoesNotMatch', 'IncompleteSignature', 'InvalidSignature']],
  ['ExpiredToken', ['ExpiredToken', 'TokenRefreshRequired']],
  ['RequestTimeTooSkewed', ['RequestTimeTooSkewed', 'RequestExpired', 'RequestInTheFuture']],
  [
    'Throttling',
    [
      'Throttling',
      'Throttled',
      'TooManyRequests',
      'RequestLimitExceeded',
      'RequestThrottled',
      'SlowDown',
      'BandwidthLimitExceeded',
      'PriorRequestNotComplete',
    ],
  ],
  [
    'ValidationError',
    [
      'ValidationError',
      'Validation',
      'InvalidInput',
      'InvalidParameterValue',
      'InvalidParameterCombination',
      'MissingParameter',
    ],
  ],
  ['NetworkTimeout', ['RequestTimeout']],
];

const CODE_BY_AWS_CODE: ReadonlyMap<string, ErrorCode> = new Map(
  AWS_CODE_GROUPS.flatMap(([code, awsCodes]) => awsCodes.map((aws) => [aws, code] as const)),
);

const DNS_ERRNOS = new Set(['ENOTFOUND', 'EAI_AGAIN']);
const TIMEOUT_ERRNOS = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT']);
const OFFLINE_ERRNOS = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN']);
// Browsers hide the reason of a failed fetch behind one TypeError message per engine.
const FETCH_FAILURE_MESSAGES = [
  /^failed to fetch/i, // Chrome
  /^networkerror when attempting to fetch resource/i, // Firefox
  /^load failed$/i, // Safari
  /^fetch failed$/i, // node (undici); the reason is in `cause`
  /^network request failed/i,
];
// STS answers a refused MFA code (wrong, stale or already used) with AccessDenied and this text.
const MFA_CODE_REFUSED_MESSAGE = /MultiFactorAuthentication failed/i;
// IAM reports a wrong local clock as SignatureDoesNotMatch with one of these messages.
const CLOCK_SKEW_MESSAGE = /signature expired|signature not yet current|request has expired/i;

const MAX_DETAIL_LENGTH = 500;
const MAX_CAUSE_DEPTH = 5;

type Fields = Record<string, unknown>;

function asFields(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null ? (value as Fields) : undefined;
}

function stringField(fields: Fields | undefined, key: string): string | undefined {
  const value = fields?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Defence in depth for text shown to the user or copied into a support ticket: AWS messages should
 * not contain credentials, but a proxy, a sandbox or a future SDK might echo the request. Access key
 * ids (AKIA/ASIA/ABIA/ACCA + 16) and long base64-looking runs (secret keys are 40 chars, session tokens
 * hundreds) are replaced. A run must mix upper case, lower case and digits to count, which keeps ARNs
 * and plain words intact in almost all cases; over-redacting a long path is the acceptable failure.
 */
export function redactSecrets(text: string): string {
  return (
    text
      .replace(/(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g, '[redacted key id]')
      // '=' only as base64 padding at the end, so "secret=<value>" keeps its label.
      .replace(/(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40,}={0,2}(?![A-Za-z0-9/+=])/g, (run) =>
        /[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run) ? '[redacted]' : run,
      )
  );
}

function detailFrom(message: string | undefined): string | undefined {
  if (!message) return undefined;
  const redacted = redactSecrets(message.trim());
  if (redacted === '') return undefined;
  return redacted.length > MAX_DETAIL_LENGTH ? `${redacted.slice(0, MAX_DETAIL_LENGTH)}…` : redacted;
}

/** The error itself, then its `cause` chain (undici and wrappers put the real reason there). */
function errorChain(err: unknown): Fields[] {
  const chain: Fields[] = [];
  let current = asFields(err);
  while (current && chain.length < MAX_CAUSE_DEPTH && !chain.includes(current)) {
    chain.push(current);
    current = asFields(current['cause']);
  }
  return chain;
}

function networkCode(chain: readonly Fields[]): ErrorCode | undefined {
  for (const fields of chain) {
    const errno = stringField(fields, 'code');
    if (errno && DNS_ERRNOS.has(errno)) return 'NetworkDns';
    if (errno && TIMEOUT_ERRNOS.has(errno)) return 'NetworkTimeout';
    if (errno && OFFLINE_ERRNOS.has(errno)) return 'NetworkOffline';
  }
  for (const fields of chain) {
    const name = stringField(fields, 'name');
    if (name === 'TimeoutError' || name === 'AbortError') return 'NetworkTimeout';
    const message = stringField(fields, 'message') ?? '';
    if (name === 'TypeError' && FETCH_FAILURE_MESSAGES.some((pattern) => pattern.test(message))) {
      return 'NetworkOffline';
    }
  }
  return undefined;
}

interface ServiceFacts {
  awsCode?: string;
  httpStatus?: number;
  requestId?: string;
}

/** AWS's own error code and request metadata, if the error came back from an AWS endpoint. */
function serviceFacts(fields: Fields): ServiceFacts {
  const metadata = asFields(fields['$metadata']);
  const status = metadata?.['httpStatusCode'];
  const facts: ServiceFacts = {};
  if (typeof status === 'number') facts.httpStatus = status;
  const requestId = stringField(metadata, 'requestId') ?? stringField(fields, 'RequestId');
  if (requestId) facts.requestId = requestId;
  // Only trust `name` as an AWS code when the error really came from the service; otherwise
  // 'TypeError' or 'Error' would be reported as if AWS had said it. `$metadata` alone proves
  // nothing: the SDK's retry middleware adds `{ attempts, totalRetryDelay }` to network errors too.
  const fromService = typeof status === 'number' || fields['$fault'] !== undefined;
  const awsCode =
    stringField(fields, 'Code') ??
    stringField(asFields(fields['Error']), 'Code') ??
    (fromService ? stringField(fields, 'name') : undefined);
  if (awsCode) facts.awsCode = awsCode;
  return facts;
}

function withoutExceptionSuffix(awsCode: string): string {
  return awsCode.endsWith('Exception') ? awsCode.slice(0, -'Exception'.length) : awsCode;
}

function codeForService(facts: ServiceFacts, message: string, context: AwsErrorContext): ErrorCode {
  const known = facts.awsCode ? CODE_BY_AWS_CODE.get(withoutExceptionSuffix(facts.awsCode)) : undefined;
  if (known === 'InvalidClientTokenId') {
    // A GetSessionToken session made without an MFA code is valid for STS but IAM refuses it with
    // InvalidClientTokenId; only the caller knows where the credentials came from.
    return context.sessionFromGetSessionTokenWithoutMfa && IAM_ACTIONS.has(context.action)
      ? 'SessionWithoutMfa'
      : 'InvalidClientTokenId';
  }
  if (known === 'SignatureDoesNotMatch' && CLOCK_SKEW_MESSAGE.test(message)) return 'RequestTimeTooSkewed';
  if (known === 'AccessDenied' && context.action === 'GetSessionToken' && MFA_CODE_REFUSED_MESSAGE.test(message)) {
    return 'MfaCodeRejected';
  }
  if (known) return known;
  if (facts.httpStatus === 429) return 'Throttling';
  if (facts.httpStatus !== undefined && facts.httpStatus >= 500) return 'ServiceFailure';
  return 'Unknown';
}

export function mapAwsError(err: unknown, context: AwsErrorContext): UserFacingError {
  return { ...mapWithoutStep(err, context), operation: context.operation ?? OPERATION_OF[context.action] };
}

function mapWithoutStep(err: unknown, context: AwsErrorContext): UserFacingError {
  // partitions.ts refused the FIPS/dual-stack choice before any request existed.
  if (err instanceof UnsupportedEndpointError) return { code: 'EndpointUnsupported', detail: err.message };
  const chain = errorChain(err);
  const top = chain[0];
  if (!top) return { code: 'Unknown', ...optionalDetail(typeof err === 'string' ? err : undefined) };

  const facts = serviceFacts(top);
  const message = stringField(top, 'message') ?? '';
  const fromService = facts.awsCode !== undefined || facts.httpStatus !== undefined;

  if (!fromService) {
    const network = networkCode(chain);
    const innermostMessage = stringField(chain[chain.length - 1], 'message');
    return { code: network ?? 'Unknown', ...optionalDetail(innermostMessage ?? message) };
  }

  const code = codeForService(facts, message, context);
  // AWS's InvalidClientTokenId text ("security token is invalid") would contradict the real cause.
  const detail = code === 'SessionWithoutMfa' ? {} : optionalDetail(message);
  return { code, ...facts, ...detail };
}

function optionalDetail(message: string | undefined): { detail?: string } {
  const detail = detailFrom(message);
  return detail ? { detail } : {};
}
