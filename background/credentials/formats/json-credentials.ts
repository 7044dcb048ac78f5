import type { FormatMatch, RawCredentialFields } from '../credential-paste-types';

// JSON the AWS CLI prints:
//   aws sts get-session-token / assume-role:  {"Credentials": {"AccessKeyId", "SecretAccessKey",
//                                               "SessionToken", "Expiration"}, "AssumedRoleUser": …}
//   credential_process / export-credentials --format process:
//                                              {"Version": 1, "AccessKeyId", "SecretAccessKey",
//                                               "SessionToken", "Expiration"}
// People often copy the command line or the shell prompt along with the output, so the outermost
// {...} in the paste is tried when the whole text is not JSON. Text that looks like JSON but does
// not parse (a paste cut short) is not guessed at: the caller reports it as unrecognized.

type JsonObject = Record<string, unknown>;

function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

function parseObject(text: string): JsonObject | undefined {
  try {
    return asObject(JSON.parse(text));
    // Stryker disable next-line BlockStatement: equivalent — an empty catch block returns undefined too
  } catch {
    return undefined;
  }
}

function findJsonObject(text: string): JsonObject | undefined {
  const whole = parseObject(text);
  if (whole) return whole;
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  // Stryker disable next-line LogicalOperator: equivalent — the caller checked for a '{' (start is never -1)
  return start !== -1 && end > start ? parseObject(text.slice(start, end + 1)) : undefined;
}

function stringValue(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

// STS and credential_process share the PascalCase names.
function fieldsOf(object: JsonObject): RawCredentialFields {
  const fields: RawCredentialFields = {};
  const entries: ReadonlyArray<readonly [keyof RawCredentialFields, string]> = [
    ['accessKeyId', 'AccessKeyId'],
    ['secretAccessKey', 'SecretAccessKey'],
    ['sessionToken', 'SessionToken'],
    ['expiration', 'Expiration'],
  ];
  for (const [field, key] of entries) {
    const value = stringValue(object, key);
    if (value !== undefined) fields[field] = value;
  }
  return fields;
}

/** Undefined when the text holds no JSON object of a known credential shape. */
export function readJsonCredentials(text: string): FormatMatch | undefined {
  // Stryker disable next-line StringLiteral: equivalent — text without '{' holds no object, which findJsonObject finds out too
  if (!text.includes('{')) return undefined;
  const root = findJsonObject(text);
  if (!root) return undefined;
  const sts = asObject(root['Credentials']);
  if (sts) return { format: 'sts-json', fields: fieldsOf(sts) };
  const looksLikeProcessOutput = ['Version', 'AccessKeyId', 'SecretAccessKey', 'SessionToken'].some(
    (key) => key in root,
  );
  if (looksLikeProcessOutput) return { format: 'credential-process-json', fields: fieldsOf(root) };
  return undefined;
}
