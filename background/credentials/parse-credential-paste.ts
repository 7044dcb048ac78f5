import { checkCredentialFields } from './check-credential-fields';
import type { FormatMatch, ParseResult } from './credential-paste-types';
import { readEnvAssignments } from './formats/env-assignments';
import { looksLikeIni, readIniProfiles } from './formats/ini-profiles';
import { readJsonCredentials } from './formats/json-credentials';

export type {
  CredentialField,
  ParsedCredentials,
  ParseFailure,
  ParseResult,
  PasteFormat,
} from './credential-paste-types';

// Turns whatever the user pasted into one set of AWS credentials, or a failure that says precisely
// what is wrong without repeating any value from the paste (failures end up in the popup, and
// possibly in a screenshot sent to a helpdesk).

export interface ParseOptions {
  /** Which INI profile to use when the paste has several. */
  profile?: string;
  /** Current time in ms, for the expiry check (tests pin it). */
  now?: number;
}

// Invisible characters that chat apps and web pages slip into copied text; never part of a key.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

export function parseCredentialPaste(text: string, opts: ParseOptions = {}): ParseResult {
  const cleaned = text.replace(INVISIBLE, '').trim();
  if (cleaned === '') return { ok: false, error: { code: 'empty' } };
  const lines = cleaned.split(/\r\n|\r|\n/);

  // Most specific first: JSON cannot be mistaken for the others; INI before env vars because an
  // SSO-portal copy may hold both and the INI block names the account and role. When only the
  // structure of an INI file is there (e.g. a [default] with a region), the user pasted the wrong
  // file or block, which is better reported as missing keys than as "unrecognized".
  const match: FormatMatch | undefined =
    readJsonCredentials(cleaned) ??
    readIniProfiles(lines, opts.profile) ??
    readEnvAssignments(lines) ??
    (looksLikeIni(lines) ? { format: 'ini-profile', fields: {} } : undefined);

  if (!match) return { ok: false, error: { code: 'unrecognized' } };
  if ('failure' in match) return { ok: false, error: match.failure };
  return checkCredentialFields(match.format, match.fields, opts.now ?? Date.now());
}
