// Input validation with AWS's wording: "N validation error(s) detected: Value 'x' at 'fieldName' failed
// to satisfy constraint: …", one clause per broken constraint, so clients can show or match it.
import { requestErrors } from './query-protocol/aws-error';

export interface StringRule {
  /** Query parameter name, e.g. AuthenticationCode1. */
  param: string;
  required: boolean;
  minLength?: number;
  maxLength?: number;
  /** Pattern exactly as the API reference prints it; it must match the whole value. */
  pattern?: string;
}

export interface IntegerRule {
  param: string;
  min: number;
  max: number;
}

/** AWS names fields in lower camel case in these messages (authenticationCode1, userName). */
function fieldName(param: string): string {
  return param.charAt(0).toLowerCase() + param.slice(1);
}

function stringViolations(params: ReadonlyMap<string, string>, rule: StringRule): string[] {
  const value = params.get(rule.param);
  const at = `at '${fieldName(rule.param)}' failed to satisfy constraint:`;
  if (value === undefined) return rule.required ? [`Value null ${at} Member must not be null`] : [];
  const shown = `Value '${value}' ${at}`;
  const length = [...value].length;
  const out: string[] = [];
  if (rule.maxLength !== undefined && length > rule.maxLength) {
    out.push(`${shown} Member must have length less than or equal to ${rule.maxLength}`);
  }
  if (rule.minLength !== undefined && length < rule.minLength) {
    out.push(`${shown} Member must have length greater than or equal to ${rule.minLength}`);
  }
  if (rule.pattern !== undefined && !new RegExp(`^(?:${rule.pattern})$`).test(value)) {
    out.push(`${shown} Member must satisfy regular expression pattern: ${rule.pattern}`);
  }
  return out;
}

function integerViolations(params: ReadonlyMap<string, string>, rule: IntegerRule): string[] {
  const value = params.get(rule.param);
  if (value === undefined) return [];
  const shown = `Value '${value}' at '${fieldName(rule.param)}' failed to satisfy constraint:`;
  if (!/^-?\d+$/.test(value)) return [`${shown} Member must be an integer`];
  const n = Number(value);
  if (n < rule.min) return [`${shown} Member must have value greater than or equal to ${rule.min}`];
  if (n > rule.max) return [`${shown} Member must have value less than or equal to ${rule.max}`];
  return [];
}

/** Throws a single ValidationError listing every violation, in rule order. */
export function validateParams(
  params: ReadonlyMap<string, string>,
  strings: readonly StringRule[],
  integers: readonly IntegerRule[] = [],
): void {
  const violations = [
    ...strings.flatMap((rule) => stringViolations(params, rule)),
    ...integers.flatMap((rule) => integerViolations(params, rule)),
  ];
  if (violations.length === 0) return;
  const count = violations.length;
  throw requestErrors.validation(
    `${count} validation error${count === 1 ? '' : 's'} detected: ${violations.join('; ')}`,
  );
}

// Shapes from the IAM and STS API references.
export const USER_NAME_RULE = { minLength: 1, maxLength: 128, pattern: '[\\w+=,.@-]+' } as const;
export const SERIAL_NUMBER_RULE = { minLength: 9, maxLength: 256, pattern: '[\\w+=/:,.@-]+' } as const;
export const SIX_DIGIT_CODE_RULE = { minLength: 6, maxLength: 6, pattern: '[\\d]+' } as const;
