import type { FormatMatch, PasteFormat, RawCredentialFields } from '../credential-paste-types';
import { cleanAssignedValue } from './clean-value';

// Environment-variable blocks, as printed by `aws configure export-credentials` (env, env-no-export,
// powershell, windows-cmd) and by the IAM Identity Center portal ("macOS and Linux", "Windows"):
//   bash/zsh    export AWS_ACCESS_KEY_ID="ASIA…"      (also without `export`, any quotes)
//   PowerShell  $Env:AWS_ACCESS_KEY_ID="ASIA…"        (`$env:` in any case)
//   cmd         set AWS_ACCESS_KEY_ID=ASIA…           (also `SET`, and `set "NAME=value"`)
// Lines that are none of these (comments, prose copied around the block) are ignored.

type EnvShell = Extract<PasteFormat, 'bash' | 'powershell' | 'cmd'>;

interface Assignment {
  shell: EnvShell;
  name: string;
  value: string | undefined;
}

const POWERSHELL_LINE = /^\$env:([A-Za-z0-9_]+)\s*=(.*)$/i;
// cmd's quoted form `set "NAME=value"` puts the closing quote after the value.
const CMD_LINE = /^set\s+(")?([A-Za-z0-9_]+)\s*=(.*)$/i;
const BASH_LINE = /^(?:export\s+)?([A-Za-z0-9_]+)=(.*)$/;

function readAssignment(statement: string): Assignment | undefined {
  const text = statement.trim();
  const ps = POWERSHELL_LINE.exec(text);
  if (ps) return { shell: 'powershell', name: (ps[1] ?? '').toUpperCase(), value: cleanAssignedValue(ps[2] ?? '') };
  const cmd = CMD_LINE.exec(text);
  if (cmd) {
    const rest = cmd[1] ? (cmd[3] ?? '').replace(/"\s*$/, '') : (cmd[3] ?? '');
    return { shell: 'cmd', name: (cmd[2] ?? '').toUpperCase(), value: cleanAssignedValue(rest) };
  }
  const bash = BASH_LINE.exec(text);
  if (bash) return { shell: 'bash', name: (bash[1] ?? '').toUpperCase(), value: cleanAssignedValue(bash[2] ?? '') };
  return undefined;
}

// The variables the AWS CLI and SDKs read. Earlier names in each list win over later ones:
// AWS_SECURITY_TOKEN is the legacy name of AWS_SESSION_TOKEN, AWS_DEFAULT_REGION the older region.
const VARIABLES: ReadonlyArray<readonly [keyof RawCredentialFields, readonly string[]]> = [
  ['accessKeyId', ['AWS_ACCESS_KEY_ID']],
  ['secretAccessKey', ['AWS_SECRET_ACCESS_KEY']],
  ['sessionToken', ['AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN']],
  // export-credentials prints AWS_CREDENTIAL_EXPIRATION; aws-vault also sets AWS_SESSION_EXPIRATION.
  ['expiration', ['AWS_CREDENTIAL_EXPIRATION', 'AWS_SESSION_EXPIRATION']],
  ['region', ['AWS_REGION', 'AWS_DEFAULT_REGION']],
];
const CREDENTIAL_VARIABLES = new Set([
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
]);

/** Reads an env-var block; undefined when no line assigns an AWS credential variable. */
export function readEnvAssignments(lines: readonly string[]): FormatMatch | undefined {
  const values = new Map<string, string>();
  let shell: EnvShell | undefined;
  // Statements may share a line (`export A=1; export B=2`); no credential value contains ';'.
  for (const statement of lines.flatMap((line) => line.split(';'))) {
    const assignment = readAssignment(statement);
    if (!assignment || !assignment.name.startsWith('AWS_')) continue;
    // The format is the shell of the first credential line; later lines in another syntax
    // (a block copied twice from different tabs) still contribute values.
    if (!shell && CREDENTIAL_VARIABLES.has(assignment.name)) shell = assignment.shell;
    // As in a shell, a later assignment replaces an earlier one — even with an empty value.
    if (assignment.value === undefined) values.delete(assignment.name);
    else values.set(assignment.name, assignment.value);
  }
  if (!shell) return undefined;

  const fields: RawCredentialFields = {};
  for (const [field, names] of VARIABLES) {
    const found = names.map((name) => values.get(name)).find((value) => value !== undefined);
    if (found !== undefined) fields[field] = found;
  }
  return { format: shell, fields };
}
