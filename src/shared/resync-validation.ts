import { classifySerial } from './serial-kind';

// The rules below are the ResyncMFADevice request constraints, copied from the IAM API reference:
//   UserName            1–128 chars, pattern [\w+=,.@-]+
//   SerialNumber        9–256 chars, pattern [\w+=/:,.@-]+
//   AuthenticationCode1 fixed length 6, pattern [\d]+   (same for AuthenticationCode2)
// Checking them here means a typo is reported next to the field instead of costing a round trip
// (and, for codes, a 30-second wait for the next one). AWS's patterns are Java regexes, where \w and
// \d are ASCII-only; JavaScript without the `u`/`v` flag agrees, and the character classes below are
// spelled out anyway so nobody "fixes" them into Unicode classes. Arabic-Indic or full-width digits
// would be rejected by IAM, so they are rejected here too.

export type ResyncField = 'userName' | 'serialNumber' | 'code1' | 'code2';
export type FieldProblem =
  'required' | 'too-short' | 'too-long' | 'bad-characters' | 'not-six-digits' | 'same-as-first' | 'not-resyncable';

export interface ResyncInput {
  userName: string;
  serialNumber: string;
  code1: string;
  code2: string;
}

export type ResyncValidation =
  { ok: true; value: ResyncInput } | { ok: false; problems: Array<{ field: ResyncField; problem: FieldProblem }> };

const USER_NAME_CHARS = /^[A-Za-z0-9_+=,.@-]+$/;
const SERIAL_CHARS = /^[A-Za-z0-9_+=/:,.@-]+$/;
const ASCII_DIGITS = /^[0-9]+$/;
// Authenticator apps display codes as "123 456"; people type what they see.
const GROUPED_CODE = /^([0-9]{3}) ([0-9]{3})$/;

// UserName's minimum length of 1 is what 'required' already checks.
const USER_NAME_MAX_LENGTH = 128;
const SERIAL_LENGTH = { min: 9, max: 256 } as const;
const CODE_LENGTH = 6;

/**
 * Only harmless normalisation: surrounding whitespace (copy/paste picks it up) and the single space
 * authenticators show in the middle of a code. Nothing else is rewritten — e.g. non-ASCII digits are
 * not converted, because silently changing what the user typed would hide the real problem.
 */
export function normalizeCode(code: string): string {
  const trimmed = code.trim();
  const grouped = GROUPED_CODE.exec(trimmed);
  // Both groups are required, so the `?? ''` (for noUncheckedIndexedAccess) never applies.
  // Stryker disable next-line StringLiteral: equivalent, see above
  return grouped ? `${grouped[1] ?? ''}${grouped[2] ?? ''}` : trimmed;
}

/** Checks one authentication code as typed (used per field in the popup). */
export function validateCode(code: string): FieldProblem | null {
  const normalized = normalizeCode(code);
  if (normalized === '') return 'required';
  if (!ASCII_DIGITS.test(normalized)) return 'bad-characters';
  if (normalized.length !== CODE_LENGTH) return 'not-six-digits';
  return null;
}

export function validateUserName(userName: string): FieldProblem | null {
  const value = userName.trim();
  if (value === '') return 'required';
  if (!USER_NAME_CHARS.test(value)) return 'bad-characters';
  if (value.length > USER_NAME_MAX_LENGTH) return 'too-long';
  return null;
}

export function validateSerialNumber(serialNumber: string): FieldProblem | null {
  const value = serialNumber.trim();
  if (value === '') return 'required';
  if (!SERIAL_CHARS.test(value)) return 'bad-characters';
  if (value.length < SERIAL_LENGTH.min) return 'too-short';
  if (value.length > SERIAL_LENGTH.max) return 'too-long';
  // A FIDO security key has no clock or counter to drift; IAM has nothing to resync.
  if (classifySerial(value) === 'fido') return 'not-resyncable';
  return null;
}

/**
 * Validates all four parameters and returns them normalised (trimmed, code spaces removed), ready to
 * send. Every field is checked so the popup can mark all problems at once.
 */
export function validateResyncInput(input: ResyncInput): ResyncValidation {
  const problems: Array<{ field: ResyncField; problem: FieldProblem }> = [];
  const note = (field: ResyncField, problem: FieldProblem | null): void => {
    if (problem) problems.push({ field, problem });
  };

  const code1Problem = validateCode(input.code1);
  const code2Problem = validateCode(input.code2);
  note('userName', validateUserName(input.userName));
  note('serialNumber', validateSerialNumber(input.serialNumber));
  note('code1', code1Problem);
  note('code2', code2Problem);

  const value: ResyncInput = {
    userName: input.userName.trim(),
    serialNumber: input.serialNumber.trim(),
    code1: normalizeCode(input.code1),
    code2: normalizeCode(input.code2),
  };
  // Two consecutive codes are never equal in practice; the same code twice means the user typed the
  // first one again instead of waiting for the next, and IAM would reject it (burning the attempt).
  // Equal normalised codes have the same problem or none (validateCode normalises first), so
  // `&&` and `||` between the two problem checks cannot be told apart.
  // Stryker disable next-line LogicalOperator: equivalent, see above
  if (!code1Problem && !code2Problem && value.code1 === value.code2) {
    problems.push({ field: 'code2', problem: 'same-as-first' });
  }

  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

/** Chrome i18n key names allow only [A-Za-z0-9_], so 'too-short' becomes 'field_too_short'. */
export function fieldProblemMessageKey(problem: FieldProblem): string {
  return `field_${problem.replaceAll('-', '_')}`;
}
