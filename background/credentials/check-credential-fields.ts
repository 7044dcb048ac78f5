import type {
  CredentialField,
  ParsedCredentials,
  ParseResult,
  PasteFormat,
  RawCredentialFields,
} from './credential-paste-types';

// The rules applied to whatever a format reader found, the same for every format:
// 1. access key id and secret are required; an ASIA… (temporary) key also needs its session token,
//    because STS never issues one without the other — that is reported as a missing field;
// 2. the key id must be AKIA or ASIA + 16 upper-case letters/digits. Other real prefixes (ABIA bearer
//    tokens, ACCA context credentials) cannot sign IAM calls, so they are refused, not guessed at;
// 3. a session token next to an AKIA… key is refused: long-term keys have no token, the pair cannot
//    be valid, and it usually means the key id and token came from two different pastes;
// 4. a stated expiry in the past is refused; an expiry that does not parse as a date is dropped
//    rather than trusted (STS will say if the credentials are expired anyway).

const ACCESS_KEY_ID = /^(AKIA|ASIA)[A-Z0-9]{16}$/;

function missingFields(fields: RawCredentialFields): CredentialField[] {
  const missing: CredentialField[] = [];
  if (!fields.accessKeyId) missing.push('accessKeyId');
  if (!fields.secretAccessKey) missing.push('secretAccessKey');
  if (fields.accessKeyId?.startsWith('ASIA') && !fields.sessionToken) missing.push('sessionToken');
  return missing;
}

function isoExpiration(raw: string | undefined): { iso: string; ms: number } | undefined {
  if (raw === undefined) return undefined;
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? undefined : { iso: new Date(ms).toISOString(), ms };
}

export function checkCredentialFields(format: PasteFormat, fields: RawCredentialFields, now: number): ParseResult {
  const missing = missingFields(fields);
  const { accessKeyId, secretAccessKey, sessionToken } = fields;
  if (missing.length > 0 || !accessKeyId || !secretAccessKey) {
    return { ok: false, error: { code: 'missing-fields', format, missing } };
  }
  if (!ACCESS_KEY_ID.test(accessKeyId)) return { ok: false, error: { code: 'invalid-access-key-id', format } };
  const kind = accessKeyId.startsWith('ASIA') ? 'temporary' : 'long-term';
  if (kind === 'long-term' && sessionToken) {
    return { ok: false, error: { code: 'token-without-temporary-key', format } };
  }

  const expiration = isoExpiration(fields.expiration);
  if (expiration && expiration.ms <= now) {
    return { ok: false, error: { code: 'expired', format, expiration: expiration.iso } };
  }

  const credentials: ParsedCredentials = { accessKeyId, secretAccessKey, kind, format };
  if (sessionToken) credentials.sessionToken = sessionToken;
  if (expiration) credentials.expiration = expiration.iso;
  if (fields.profile) credentials.profile = fields.profile;
  if (fields.region) credentials.region = fields.region;
  return { ok: true, credentials };
}
