// Every way a resync (or the identity checks before it) can end badly, as one stable code the UI
// understands. Each code names two i18n messages: a short title and one sentence saying what to do
// next. Nothing here is retried automatically — a retried ResyncMFADevice burns the user's codes —
// so `keepCodes` only decides whether the popup leaves the two entered codes in place for the
// user's own next attempt.
//
// keepCodes is true only when the request certainly never reached IAM's code check (rejected while
// signing/authorising, refused by validation, or never sent because DNS failed) and the fix is
// something the user does right away. It is false when the codes were checked, when the request may
// have been processed (timeouts, dropped connections), or when the advice is to wait minutes — by
// then the codes are stale anyway.

export type ErrorCode =
  | 'InvalidAuthenticationCode'
  | 'MfaCodeRejected'
  | 'NoSuchEntity'
  | 'ConcurrentModification'
  | 'LimitExceeded'
  | 'ServiceFailure'
  | 'AccessDenied'
  | 'InvalidClientTokenId'
  | 'SignatureDoesNotMatch'
  | 'ExpiredToken'
  | 'SessionWithoutMfa'
  | 'RequestTimeTooSkewed'
  | 'Throttling'
  | 'NetworkOffline'
  | 'NetworkTimeout'
  | 'NetworkDns'
  | 'ValidationError'
  | 'NotResyncable'
  | 'Unknown';

export interface CatalogEntry {
  code: ErrorCode;
  /** i18n key of a short title, e.g. "Codes not accepted". */
  titleKey: string;
  /** i18n key of one sentence saying exactly what to do next. */
  nextKey: string;
  /** Whether the popup keeps the two entered codes for the user's next manual attempt. */
  keepCodes: boolean;
}

/** What the background reports to the popup; `detail` is AWS's own text after redaction, never a secret. */
export interface UserFacingError {
  code: ErrorCode;
  awsCode?: string;
  httpStatus?: number;
  requestId?: string;
  detail?: string;
}

// Listed once so the catalog and its tests cannot drift from the ErrorCode union: a code missing
// here is a type error in KEEP_CODES below.
const KEEP_CODES: Readonly<Record<ErrorCode, boolean>> = {
  InvalidAuthenticationCode: false, // codes were checked and refused: the user needs two new ones
  MfaCodeRejected: false, // STS checked the one code and refused it: the next one is needed
  NoSuchEntity: true, // wrong user name or serial: fix it, the codes were not checked
  ConcurrentModification: false, // advice is to wait minutes
  LimitExceeded: false, // advice is to wait
  ServiceFailure: false, // unknown whether the codes were consumed
  AccessDenied: true,
  InvalidClientTokenId: true,
  SignatureDoesNotMatch: true,
  ExpiredToken: true,
  SessionWithoutMfa: true,
  RequestTimeTooSkewed: true,
  Throttling: false, // advice is to wait
  NetworkOffline: false, // the connection may have dropped after IAM processed the request
  NetworkTimeout: false, // ditto: the resync may have happened
  NetworkDns: true, // the host was never found, so nothing was sent
  ValidationError: true,
  NotResyncable: false, // no code will ever work for this device
  Unknown: false,
};

export const ERROR_CODES = Object.keys(KEEP_CODES) as readonly ErrorCode[];

function entryFor(code: ErrorCode): CatalogEntry {
  return {
    code,
    titleKey: `error_${code}_title`,
    nextKey: `error_${code}_next`,
    keepCodes: KEEP_CODES[code],
  };
}

export const ERROR_CATALOG: Readonly<Record<ErrorCode, CatalogEntry>> = Object.freeze(
  Object.fromEntries(ERROR_CODES.map((code) => [code, Object.freeze(entryFor(code))])) as Record<
    ErrorCode,
    CatalogEntry
  >,
);

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(KEEP_CODES, value);
}
