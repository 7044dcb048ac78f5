import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  credentialFieldMessageKey,
  pasteFailureMessageKey,
  pasteFormatMessageKey,
} from '../../background/credentials/paste-message-keys';
import type { CredentialField, ParseFailure, PasteFormat } from '../../background/credentials/parse-credential-paste';
import {
  ERROR_CATALOG,
  ERROR_CODES,
  isErrorCode,
  messageKeysFor,
  OPERATIONS,
  type ErrorCode,
  type Operation,
} from './error-catalog';
import { fieldProblemMessageKey, type FieldProblem } from './resync-validation';

interface ChromeMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

const messages = JSON.parse(
  readFileSync(new URL('../../_locales/en/messages.json', import.meta.url), 'utf8'),
) as Record<string, ChromeMessage>;

// Spelled out so that adding a member to a union without a message fails here, not in the popup.
const PASTE_FAILURES: Record<ParseFailure['code'], true> = {
  empty: true,
  unrecognized: true,
  'missing-fields': true,
  'pick-profile': true,
  'unknown-profile': true,
  'invalid-access-key-id': true,
  'token-without-temporary-key': true,
  expired: true,
};
const FORMATS: Record<PasteFormat, true> = {
  bash: true,
  powershell: true,
  cmd: true,
  'ini-profile': true,
  'sts-json': true,
  'credential-process-json': true,
  'sso-option2': true,
};
const CREDENTIAL_FIELDS: Record<CredentialField, true> = {
  accessKeyId: true,
  secretAccessKey: true,
  sessionToken: true,
};
const FIELD_PROBLEMS: Record<FieldProblem, true> = {
  required: true,
  'too-short': true,
  'too-long': true,
  'bad-characters': true,
  'not-six-digits': true,
  'same-as-first': true,
  'not-resyncable': true,
};

const keysOf = <T extends string>(record: Record<T, true>) => Object.keys(record) as T[];

describe('ERROR_CATALOG', () => {
  // Which codes exist is the ErrorCode union's business (the catalog's table must name each one, or
  // it does not compile); what is checked here is what the catalog does with them.
  it('has exactly one entry per code, keyed by its own code', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    expect(Object.keys(ERROR_CATALOG).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      expect(ERROR_CATALOG[code].code).toBe(code);
      expect(isErrorCode(code)).toBe(true);
    }
    expect(isErrorCode('toString')).toBe(false);
    expect(isErrorCode('InvalidPaste')).toBe(false);
  });

  it('points every entry at a title and a next-step message that exist in English', () => {
    for (const entry of Object.values(ERROR_CATALOG)) {
      expect(messages[entry.titleKey]?.message, entry.titleKey).toBeTruthy();
      expect(messages[entry.nextKey]?.message, entry.nextKey).toBeTruthy();
    }
  });

  // Codes are single-use and valid for about 30 s: a pair that IAM or STS may have checked is
  // useless (or, after advice to wait, stale), and one it never saw must not be lost.
  const fresh: ErrorCode[] = [
    'InvalidAuthenticationCode',
    'MfaCodeRejected',
    'ServiceFailure',
    'NetworkTimeout',
    'NetworkOffline',
    'Unknown',
    // The advice is to wait, longer than a code lives.
    'ConcurrentModification',
    'LimitExceeded',
    'Throttling',
    // No code will ever work for this device.
    'NotResyncable',
  ];
  const keep: ErrorCode[] = [
    'ValidationError',
    'AccessDenied',
    'InvalidClientTokenId',
    'SignatureDoesNotMatch',
    'RequestTimeTooSkewed',
    'ExpiredToken',
    'SessionWithoutMfa',
    'NetworkDns',
    'EndpointUnsupported',
    // A wrong user name or serial: fixed in a moment, the codes were never checked.
    'NoSuchEntity',
  ];

  it('asks for fresh codes after codes were checked, the request may have been processed, or after a wait', () => {
    for (const code of fresh) expect(ERROR_CATALOG[code].keepCodes, code).toBe(false);
  });

  it('keeps the codes when the request was refused before IAM looked at them', () => {
    for (const code of keep) expect(ERROR_CATALOG[code].keepCodes, code).toBe(true);
  });

  it('decides keeping the codes for every error code, one way or the other', () => {
    expect([...fresh, ...keep].sort()).toEqual([...ERROR_CODES].sort());
  });

  it('cannot be modified at run time', () => {
    expect(Object.isFrozen(ERROR_CATALOG)).toBe(true);
    expect(Object.isFrozen(ERROR_CATALOG.Unknown)).toBe(true);
  });
});

describe('messages.json keys used by the paste parser and the resync form', () => {
  it('has a message for every paste failure, format and credential field', () => {
    for (const code of keysOf(PASTE_FAILURES))
      expect(messages[pasteFailureMessageKey(code)]?.message, code).toBeTruthy();
    for (const format of keysOf(FORMATS)) expect(messages[pasteFormatMessageKey(format)]?.message, format).toBeTruthy();
    for (const field of keysOf(CREDENTIAL_FIELDS))
      expect(messages[credentialFieldMessageKey(field)]?.message, field).toBeTruthy();
  });

  it('has a message for every field problem', () => {
    for (const problem of keysOf(FIELD_PROBLEMS))
      expect(messages[fieldProblemMessageKey(problem)]?.message, problem).toBeTruthy();
  });

  it('declares the $FORMAT$ and $MISSING$ placeholders of paste_missing_fields as $1 and $2', () => {
    const entry = messages['paste_missing_fields'];
    expect(entry?.message).toContain('$FORMAT$');
    expect(entry?.message).toContain('$MISSING$');
    expect(entry?.placeholders?.['format']?.content).toBe('$1');
    expect(entry?.placeholders?.['missing']?.content).toBe('$2');
  });
});

describe('messages.json as a whole (Chrome refuses to load a bad one)', () => {
  it('uses only [A-Za-z0-9_] in key names', () => {
    for (const key of Object.keys(messages)) expect(key, key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('declares every $NAME$ placeholder a message uses', () => {
    for (const [key, entry] of Object.entries(messages)) {
      expect(typeof entry.message, key).toBe('string');
      // "$$" is a literal dollar; any other "$NAME$" must be a declared placeholder.
      const used = [...entry.message.replaceAll('$$', '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) =>
        (m[1] ?? '').toLowerCase(),
      );
      const declared = Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase());
      for (const name of used) expect(declared, `${key} uses $${name}$`).toContain(name);
    }
  });
});

// The review of every entry against the steps that can produce it (issue 19): which catalog codes
// each step's AWS call, or the checks before it, can end in.
const NETWORK: ErrorCode[] = ['NetworkOffline', 'NetworkTimeout', 'NetworkDns'];
const CREDENTIALS: ErrorCode[] = [
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'RequestTimeTooSkewed',
];
const ANY_CALL: ErrorCode[] = [...CREDENTIALS, ...NETWORK, 'Throttling', 'ServiceFailure', 'Unknown'];
const PRODUCED_BY: Record<Operation, ErrorCode[]> = {
  // STS GetCallerIdentity needs no permission and takes no input.
  unlock: ANY_CALL,
  list: [...ANY_CALL, 'AccessDenied', 'NoSuchEntity', 'SessionWithoutMfa', 'ValidationError'],
  resync: [...ERROR_CODES],
  // STS GetSessionToken needs no permission either: its AccessDenied is a refused MFA code.
  check: [...ANY_CALL, 'AccessDenied', 'ValidationError'],
  elevate: [...ANY_CALL, 'AccessDenied', 'ValidationError'],
};
const locales = Object.fromEntries(
  ['en', 'de', 'ja'].map((lang) => [
    lang,
    JSON.parse(readFileSync(new URL(`../../_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Record<
      string,
      ChromeMessage
    >,
  ]),
);
const english = (key: string) => messages[key]?.message ?? '';
const cases = OPERATIONS.flatMap((operation) => PRODUCED_BY[operation].map((code) => [operation, code] as const));

describe('messageKeysFor: the next step fits the step that failed', () => {
  it.each(cases)('%s → %s has a title and a next step in en, de and ja', (operation, code) => {
    const { titleKey, nextKey } = messageKeysFor(code, operation);
    for (const [lang, texts] of Object.entries(locales)) {
      expect(texts[titleKey]?.message, `${lang} ${titleKey}`).toBeTruthy();
      expect(texts[nextKey]?.message, `${lang} ${nextKey}`).toBeTruthy();
    }
  });

  it.each(cases.filter(([op]) => op === 'unlock' || op === 'list'))(
    '%s → %s asks for no codes: none were entered on that step',
    (operation, code) => {
      expect(english(messageKeysFor(code, operation).nextKey)).not.toMatch(/\bnew codes?\b|\btwo\b[^.]*\bcodes\b/i);
    },
  );

  it.each(cases.filter(([op]) => op === 'check' || op === 'elevate'))(
    '%s → %s retries with one new code, not two',
    (operation, code) => {
      expect(english(messageKeysFor(code, operation).nextKey)).not.toMatch(
        /(try again|then)[^.]{0,20}two new codes|wait for two new codes/i,
      );
    },
  );

  it('a refused code on check or elevate is not reported as a missing permission', () => {
    for (const operation of ['check', 'elevate'] as const) {
      const { titleKey, nextKey } = messageKeysFor('AccessDenied', operation);
      expect(english(titleKey)).not.toMatch(/permission/i);
      expect(english(nextKey)).toMatch(/did not accept/i);
    }
    expect(english(messageKeysFor('AccessDenied', 'list').nextKey)).toContain('iam:ListMFADevices');
    expect(english(messageKeysFor('AccessDenied', 'resync').nextKey)).toContain('iam:ResyncMFADevice');
  });

  it('a user IAM does not know, found while listing, is not sent back to a device list it never got', () => {
    expect(english(messageKeysFor('NoSuchEntity', 'list').nextKey)).toMatch(/no IAM user by this name/);
    expect(english(messageKeysFor('NoSuchEntity', 'resync').nextKey)).toMatch(/choose the device from the list again/);
  });

  it('the resync, and a step it does not know, get the entry’s own messages', () => {
    for (const code of ERROR_CODES) {
      const { titleKey, nextKey } = ERROR_CATALOG[code];
      expect(messageKeysFor(code, 'resync')).toEqual({ titleKey, nextKey });
      expect(messageKeysFor(code)).toEqual({ titleKey, nextKey });
    }
  });

  it('the resync still asks for two new codes where the codes may be used up', () => {
    for (const code of ['Throttling', 'ServiceFailure', 'NetworkOffline', 'Unknown'] as const) {
      expect(english(messageKeysFor(code, 'resync').nextKey)).toMatch(/two new codes/);
    }
  });
});
