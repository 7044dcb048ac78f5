// TOTP arithmetic for the simulated devices: what a (possibly drifted) device shows, what the server
// accepts at sign-in, and the resync search. Steps are 30 s, codes are 6-digit HMAC-SHA1 (RFC 6238).
import { HOTP, Secret } from 'otpauth';
import type { MfaDevice } from './sandbox-state';

export const TOTP_PERIOD_MS = 30_000;
/** IAM accepts the expected step ±1 at sign-in, like most TOTP verifiers. */
export const SIGN_IN_WINDOW_STEPS = 1;
/** ±2 hours: wide enough for any realistic phone-clock drift, narrow enough that a stray match is ~1e-9. */
export const RESYNC_SEARCH_STEPS = 240;

const secretCache = new Map<string, Secret>();

function secretOf(base32: string): Secret {
  let secret = secretCache.get(base32);
  if (!secret) {
    secret = Secret.fromBase32(base32);
    secretCache.set(base32, secret);
  }
  return secret;
}

export function stepAt(nowMs: number): number {
  return Math.floor(nowMs / TOTP_PERIOD_MS);
}

export function codeAtStep(base32Secret: string, step: number): string {
  return HOTP.generate({ secret: secretOf(base32Secret), algorithm: 'SHA1', digits: 6, counter: step });
}

export interface PhoneView {
  serial: string;
  step: number;
  /** The code on screen now and the one it will show next: two consecutive codes. */
  codes: [string, string];
  secondsLeft: number;
}

/** What the device displays at `nowMs`, given its own drifted clock. Null for FIDO keys. */
export function phoneView(device: MfaDevice, nowMs: number): PhoneView | null {
  if (device.base32Secret === null) return null;
  const step = stepAt(nowMs) + device.drift;
  const secondsLeft = Math.ceil((TOTP_PERIOD_MS - (nowMs % TOTP_PERIOD_MS)) / 1000);
  return {
    serial: device.serial,
    step,
    codes: [codeAtStep(device.base32Secret, step), codeAtStep(device.base32Secret, step + 1)],
    secondsLeft,
  };
}

/** Would the sign-in page (or STS GetSessionToken) accept this code for the device right now? */
export function acceptsSignInCode(device: MfaDevice, code: string, nowMs: number): boolean {
  return signInStepOf(device, code, nowMs) !== null;
}

/** The device step at which `code` lies within the sign-in window, or null. Spent codes still match. */
export function signInStepOf(device: MfaDevice, code: string, nowMs: number): number | null {
  if (device.base32Secret === null) return null;
  const expected = stepAt(nowMs) + device.offset;
  for (let s = expected - SIGN_IN_WINDOW_STEPS; s <= expected + SIGN_IN_WINDOW_STEPS; s++) {
    if (codeAtStep(device.base32Secret, s) === code) return s;
  }
  return null;
}

/**
 * A one-time code counts once (RFC 6238 §5.2): a code at or before the last accepted step is spent,
 * for ResyncMFADevice and for STS alike. Neither reference says more than that a wrong code is
 * refused, so a spent code gets the answer a wrong one gets (e2e/sandbox/README.md).
 */
export function isSpent(device: MfaDevice, step: number): boolean {
  return device.lastUsedStep !== null && step <= device.lastUsedStep;
}

/**
 * The step k at which `code1` appears with `code2` at k+1, searching outward from server time so the
 * nearest pair wins; null when the two are not consecutive codes of this device within the window.
 */
export function findConsecutivePair(device: MfaDevice, code1: string, code2: string, nowMs: number): number | null {
  const secret = device.base32Secret;
  if (secret === null) return null;
  const now = stepAt(nowMs);
  for (let distance = 0; distance <= RESYNC_SEARCH_STEPS; distance++) {
    for (const k of distance === 0 ? [now] : [now - distance, now + distance]) {
      if (codeAtStep(secret, k) === code1 && codeAtStep(secret, k + 1) === code2) return k;
    }
  }
  return null;
}

/** After a resync the server expects the device at the step of the second code, as IAM does. */
export function applyResync(device: MfaDevice, firstCodeStep: number, nowMs: number): void {
  device.offset = firstCodeStep + 1 - stepAt(nowMs);
  device.resyncCount += 1;
  // Both codes of the pair are spent: the same pair again, one that begins with its second code, or
  // the check after a resync with either of them is a replay; the check needs the code after both.
  device.lastUsedStep = firstCodeStep + 1;
}
