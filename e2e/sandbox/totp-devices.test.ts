// TOTP arithmetic: RFC 6238 vectors for the code generator, then drift, sign-in window and resync search.
import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import type { MfaDevice } from './sandbox-state';
import {
  acceptsSignInCode,
  applyResync,
  codeAtStep,
  findConsecutivePair,
  phoneView,
  RESYNC_SEARCH_STEPS,
  isSpent,
  stepAt,
} from './totp-devices';

const RFC_SECRET = Secret.fromUTF8('12345678901234567890').base32;
const T0 = 1_700_000_020_000; // 10 s into a 30 s step

function device(drift: number, offset = 0): MfaDevice {
  return {
    serial: 'arn:aws:iam::123456789012:mfa/test',
    userName: 'test',
    kind: 'virtual',
    enableDate: '2024-01-01T00:00:00Z',
    base32Secret: RFC_SECRET,
    drift,
    offset,
    resyncCount: 0,
    lastUsedStep: null,
  };
}

describe('code generation', () => {
  it('matches RFC 6238 SHA-1 test vectors (last six digits)', () => {
    expect(codeAtStep(RFC_SECRET, stepAt(59_000))).toBe('287082');
    expect(codeAtStep(RFC_SECRET, stepAt(1_111_111_109_000))).toBe('081804');
    expect(codeAtStep(RFC_SECRET, stepAt(2_000_000_000_000))).toBe('279037');
  });
});

describe('drift and sign-in', () => {
  it('a phone with drift d shows the code of step now+d, and the next one', () => {
    const view = phoneView(device(5), T0);
    expect(view?.step).toBe(stepAt(T0) + 5);
    expect(view?.codes).toEqual([codeAtStep(RFC_SECRET, stepAt(T0) + 5), codeAtStep(RFC_SECRET, stepAt(T0) + 6)]);
    expect(view?.secondsLeft).toBe(20);
  });

  it('accepts the expected step ±1 only', () => {
    const d = device(0);
    const now = stepAt(T0);
    expect([-2, -1, 0, 1, 2].map((k) => acceptsSignInCode(d, codeAtStep(RFC_SECRET, now + k), T0))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('resync search', () => {
  it('finds a consecutive pair at the edge of the window, not beyond it', () => {
    const now = stepAt(T0);
    const pair = (k: number): [string, string] => [codeAtStep(RFC_SECRET, k), codeAtStep(RFC_SECRET, k + 1)];
    expect(findConsecutivePair(device(0), ...pair(now + RESYNC_SEARCH_STEPS), T0)).toBe(now + RESYNC_SEARCH_STEPS);
    expect(findConsecutivePair(device(0), ...pair(now - RESYNC_SEARCH_STEPS), T0)).toBe(now - RESYNC_SEARCH_STEPS);
    expect(findConsecutivePair(device(0), ...pair(now + RESYNC_SEARCH_STEPS + 1), T0)).toBeNull();
  });

  it('sets the offset so the phone is in the middle of the sign-in window afterwards', () => {
    const d = device(-9);
    const view = phoneView(d, T0);
    if (!view) throw new Error('no view');
    const k = findConsecutivePair(d, view.codes[0], view.codes[1], T0);
    expect(k).toBe(view.step);
    applyResync(d, k ?? 0, T0);
    expect(d.offset).toBe(-8);
    expect(acceptsSignInCode(d, view.codes[0], T0)).toBe(true);
    expect(acceptsSignInCode(d, view.codes[1], T0 + 30_000)).toBe(true);
  });

  it('spends both codes of a resync: a pair starting at or before the second one is a replay', () => {
    const d = device(3);
    const k = stepAt(T0) + 3;
    expect(isSpent(d, k)).toBe(false);
    applyResync(d, k, T0);
    expect(d.lastUsedStep).toBe(k + 1);
    expect([k - 5, k, k + 1].map((step) => isSpent(d, step))).toEqual([true, true, true]);
    expect(isSpent(d, k + 2)).toBe(false);
  });
});
