// Types shared by the paste parser and its per-format readers. Kept apart from the parser so the
// format readers can name them without importing the module that imports them.

export type PasteFormat =
  'bash' | 'powershell' | 'cmd' | 'ini-profile' | 'sts-json' | 'credential-process-json' | 'sso-option2';

export type CredentialField = 'accessKeyId' | 'secretAccessKey' | 'sessionToken';

export interface ParsedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** ISO 8601 (normalised to UTC `…Z`), only when the paste states an expiry. */
  expiration?: string;
  /** ASIA… keys are temporary (always with a session token), AKIA… keys are long-term. */
  kind: 'temporary' | 'long-term';
  format: PasteFormat;
  profile?: string;
  region?: string;
}

/** Why a paste was refused. Carries field names, formats and profile names — never a value. */
export type ParseFailure =
  | { code: 'empty' }
  | { code: 'unrecognized' }
  | { code: 'missing-fields'; format: PasteFormat; missing: CredentialField[] }
  | { code: 'pick-profile'; format: 'ini-profile'; profiles: string[] }
  | { code: 'unknown-profile'; format: 'ini-profile'; profiles: string[] }
  | { code: 'invalid-access-key-id'; format: PasteFormat }
  | { code: 'token-without-temporary-key'; format: PasteFormat }
  | { code: 'expired'; format: PasteFormat; expiration: string };

export type ParseResult = { ok: true; credentials: ParsedCredentials } | { ok: false; error: ParseFailure };

/** What a format reader found, before any checking; every value already cleaned of quotes/space. */
export interface RawCredentialFields {
  accessKeyId?: string;
  secretAccessKey?: string;
  sessionToken?: string;
  expiration?: string;
  region?: string;
  profile?: string;
}

/**
 * A format reader's answer: the fields it found in that format, or a failure only that format can
 * detect (e.g. several INI profiles). Readers return undefined when the text is not their format.
 */
export type FormatMatch = { format: PasteFormat; fields: RawCredentialFields } | { failure: ParseFailure };
