import type { FormatMatch, RawCredentialFields } from '../credential-paste-types';
import { cleanAssignedValue } from './clean-value';

// `~/.aws/credentials` (and `~/.aws/config`) profiles, and the IAM Identity Center portal's
// "Option 2" block, which is the same INI syntax with a header `[<12-digit account>_<RoleName>]`.
//
// Rules follow botocore's configparser: keys are case-insensitive, `=` or `:` separates, `#`/`;`
// start comment lines, and keys before the first header are ignored — unless the paste has no
// header at all (someone copied only the key lines), in which case exact lowercase `aws_…` keys are
// taken as one unnamed profile. Uppercase header-less lines are left to the env-var reader, because
// `AWS_ACCESS_KEY_ID=…` is a shell assignment, not an INI line.

// The name is captured untrimmed and trimmed in profileName(): `\[\s*([^\]]*?)\s*\]` let three
// quantifiers share one run of blanks, which took seconds on a 2,000-character `[` + blanks line.
const HEADER = /^\[([^\]]*)\]\s*(?:[#;].*)?$/;
const KEY_VALUE = /^([A-Za-z0-9_.-]+)\s*[=:](.*)$/;
const COMMENT = /^[#;]/;
const SSO_OPTION2_HEADER = /^\d{12}_[\w+=,.@-]+$/;

// Earlier names win: aws_security_token is the legacy spelling of aws_session_token.
const KEYS: ReadonlyArray<readonly [keyof RawCredentialFields, readonly string[]]> = [
  ['accessKeyId', ['aws_access_key_id']],
  ['secretAccessKey', ['aws_secret_access_key']],
  ['sessionToken', ['aws_session_token', 'aws_security_token']],
  // Written next to the keys by saml2aws, gimme-aws-creds and similar tools.
  ['expiration', ['x_security_token_expires']],
  ['region', ['region']],
];
const CREDENTIAL_KEYS = new Set([
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'aws_security_token',
]);

interface Section {
  name: string | undefined;
  values: Map<string, string>;
}

/** `[profile dev]` (config-file style) and `[dev]` name the same profile. */
function profileName(header: string): string {
  return header
    .trim()
    .replace(/^profile\s+/i, '')
    .trim();
}

function readSections(lines: readonly string[]): Section[] {
  const hasHeader = lines.some((line) => HEADER.test(line.trim()));
  const sections = new Map<string | undefined, Section>();
  let current: Section | undefined = hasHeader ? undefined : { name: undefined, values: new Map() };
  if (current) sections.set(undefined, current);

  for (const rawLine of lines) {
    const line = rawLine.trim();
    // Stryker disable next-line LogicalOperator,StringLiteral: equivalent — blank and comment lines match neither HEADER nor KEY_VALUE below
    if (line === '' || COMMENT.test(line)) continue;
    const header = HEADER.exec(line);
    if (header) {
      // Stryker disable next-line StringLiteral: equivalent — the regex matched, so its groups are strings
      const name = profileName(header[1] ?? '');
      // A repeated header continues the same profile, later keys replacing earlier ones.
      current = sections.get(name) ?? { name, values: new Map() };
      sections.set(name, current);
      continue;
    }
    const pair = KEY_VALUE.exec(line);
    if (!pair || !current) continue;
    // Stryker disable next-line StringLiteral: equivalent — the regex matched, so its groups are strings
    const rawKey = pair[1] ?? '';
    if (!hasHeader && rawKey !== rawKey.toLowerCase()) continue;
    // Stryker disable next-line StringLiteral: equivalent — the regex matched, so its groups are strings
    const value = cleanAssignedValue(pair[2] ?? '');
    if (value !== undefined) current.values.set(rawKey.toLowerCase(), value);
  }
  return [...sections.values()];
}

function fieldsOf(section: Section): RawCredentialFields {
  const fields: RawCredentialFields = {};
  for (const [field, keys] of KEYS) {
    const found = keys.map((key) => section.values.get(key)).find((value) => value !== undefined);
    if (found !== undefined) fields[field] = found;
  }
  if (section.name !== undefined) fields.profile = section.name;
  return fields;
}

function hasCredentialKey(section: Section): boolean {
  return [...section.values.keys()].some((key) => CREDENTIAL_KEYS.has(key));
}

function matchFor(section: Section): FormatMatch {
  const format = section.name !== undefined && SSO_OPTION2_HEADER.test(section.name) ? 'sso-option2' : 'ini-profile';
  return { format, fields: fieldsOf(section) };
}

/**
 * Reads INI profiles and picks one: the requested profile, or the only profile holding credentials.
 * Undefined when no profile holds a credential key (the caller may then try other formats).
 */
export function readIniProfiles(lines: readonly string[], requestedProfile?: string): FormatMatch | undefined {
  const withCredentials = readSections(lines).filter(hasCredentialKey);
  if (withCredentials.length === 0) return undefined;
  const names = withCredentials.flatMap((section) => (section.name === undefined ? [] : [section.name]));

  const wanted = requestedProfile?.trim();
  if (wanted) {
    const wantedName = profileName(wanted.replace(/^\[|\]$/g, ''));
    const chosen = withCredentials.find((section) => section.name === wantedName);
    if (chosen) return matchFor(chosen);
    // A paste with one unnamed block has nothing to choose from: use it whatever was requested.
    if (names.length === 0 && withCredentials[0]) return matchFor(withCredentials[0]);
    return { failure: { code: 'unknown-profile', format: 'ini-profile', profiles: names } };
  }
  if (withCredentials.length === 1 && withCredentials[0]) return matchFor(withCredentials[0]);
  // Several profiles (e.g. the whole credentials file): the CLI would fall back to [default], but
  // the user may well mean another one, and guessing wrong resyncs with the wrong identity.
  return { failure: { code: 'pick-profile', format: 'ini-profile', profiles: names } };
}

/**
 * True when the text has INI structure even without credentials: `aws_…` key lines, or a header
 * followed by key lines. A header alone is not enough — `[1, 2, 3]` is a JSON array, not a profile.
 */
export function looksLikeIni(lines: readonly string[]): boolean {
  const trimmed = lines.map((line) => line.trim());
  if (trimmed.some((line) => /^aws_[a-z_]+\s*[=:]/.test(line))) return true;
  const firstHeader = trimmed.findIndex((line) => HEADER.test(line));
  return firstHeader !== -1 && trimmed.slice(firstHeader + 1).some((line) => KEY_VALUE.test(line));
}
