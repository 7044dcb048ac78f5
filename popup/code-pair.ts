import { ERROR_CATALOG, isErrorCode } from '../src/shared/error-catalog';
import type { ResyncOutcome } from '../src/shared/messages';
import { validateCode, type FieldProblem } from '../src/shared/resync-validation';

/**
 * A paste of both codes at once, as people copy them from a phone or chat: "123456654321",
 * "123456 654321", "123 456 654 321", "123456\n654321". Anything else is not a pair.
 */
export function splitPastedPair(text: string): [string, string] | undefined {
  const digits = text.replace(/[\s-]/g, '');
  if (!/^[0-9]{12}$/.test(digits)) return undefined;
  return [digits.slice(0, 6), digits.slice(6)];
}

export interface PairProblems {
  code1?: FieldProblem;
  code2?: FieldProblem;
}

/** Field-level problems; identical codes are the second field's problem, so the first stays. */
export function pairProblems(code1: string, code2: string): PairProblems {
  const p1 = validateCode(code1) ?? undefined;
  let p2 = validateCode(code2) ?? undefined;
  if (!p1 && !p2 && code1.replace(/\s/g, '') === code2.replace(/\s/g, '')) p2 = 'same-as-first';
  return { ...(p1 ? { code1: p1 } : {}), ...(p2 ? { code2: p2 } : {}) };
}

/** TOTP step length used by virtual and hardware MFA devices for IAM. */
export const TOTP_PERIOD_S = 30;

/**
 * Seconds until the authenticator shows its next code. Phones keep network time, so AWS's clock
 * (local clock + measured skew) predicts the phone better than this computer's clock alone.
 */
export function secondsUntilNextCode(nowMs: number, skewMs = 0): number {
  const serverSeconds = (nowMs + skewMs) / 1000;
  return TOTP_PERIOD_S - (Math.floor(serverSeconds) % TOTP_PERIOD_S);
}

/** Whether a failed resync leaves codes that can still be corrected and sent (IAM never checked them). */
export function codesStillUsable(outcome: ResyncOutcome | undefined): boolean {
  if (!outcome || outcome.status !== 'failed') return false;
  const code = outcome.error?.code;
  return code !== undefined && isErrorCode(code) && ERROR_CATALOG[code].keepCodes;
}

/** One code pasted with the separators people copy it with ("123 456", "123-456"), else undefined. */
export function singlePastedCode(text: string): string | undefined {
  const digits = text.replace(/[\s-]/g, '');
  return /^[0-9]{6}$/.test(digits) ? digits : undefined;
}
