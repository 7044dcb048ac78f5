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

import type { Operation } from './operations';

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
  | 'EndpointUnsupported'
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
  /** The step that failed, so the popup can say what to do next on that step. */
  operation?: Operation;
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
  EndpointUnsupported: true, // refused before any request was built: a settings change fixes it
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

// The same AWS error needs a different next step depending on the step that failed: a throttled
// device listing must not ask for two new codes, since none were entered. `_next` messages are
// written for the resync (two codes); the table below names the steps where they do not fit.

export { OPERATIONS, type Operation } from './operations';

/** Suffixes of the i18n keys that replace `error_<code>_next` (and `_title`, if given). */
interface Variant {
  next: string;
  title?: string;
}

// Nothing typed (unlock, list): retrying is harmless, both calls only read. One code typed (check,
// elevate): a retry needs the next code, the last one may have been consumed.
const READ_ONLY: Variant = { next: 'again' };
const ONE_CODE: Variant = { next: 'newCode' };
const BY_STEP: Partial<Record<Operation, Variant>> = {
  unlock: READ_ONLY,
  list: READ_ONLY,
  check: ONE_CODE,
  elevate: ONE_CODE,
};

const VARIANTS: Readonly<Partial<Record<ErrorCode, Partial<Record<Operation, Variant>>>>> = {
  ServiceFailure: BY_STEP,
  Throttling: BY_STEP,
  NetworkOffline: BY_STEP,
  NetworkTimeout: BY_STEP,
  Unknown: BY_STEP,
  // STS needs no permission for GetSessionToken: there, AccessDenied means the MFA code was refused.
  AccessDenied: {
    list: { next: 'list' },
    check: { next: 'check', title: 'code' },
    elevate: { next: 'elevate', title: 'code' },
  },
  NoSuchEntity: { list: { next: 'list' } },
};

/** The title and next-step keys for `code` when it ended `operation` (unknown step: the resync's). */
export function messageKeysFor(code: ErrorCode, operation?: Operation): { titleKey: string; nextKey: string } {
  const { titleKey, nextKey } = ERROR_CATALOG[code];
  const variant = operation ? VARIANTS[code]?.[operation] : undefined;
  if (!variant) return { titleKey, nextKey };
  return {
    titleKey: variant.title ? `${titleKey}_${variant.title}` : titleKey,
    nextKey: `${nextKey}_${variant.next}`,
  };
}
