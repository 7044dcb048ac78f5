import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectLinearGrowth } from '../test-kit/linear-growth';
import { normalizeCode, validateCode, validateResyncInput, type FieldProblem } from './resync-validation';

// Property tests against an oracle written separately from the module, straight from the IAM API
// reference for ResyncMFADevice (character by character, no shared regexes):
//   UserName 1–128 of [\w+=,.@-]; SerialNumber 9–256 of [\w+=/:,.@-]; codes exactly 6 ASCII digits.
// The only normalisation the extension promises is trimming and the "123 456" grouping. A FIDO
// serial (arn:…:iam::…:u2f/…) is refused because it has no clock to resync.

const RUNS = { numRuns: 1000 } as const;
const PROBLEMS: ReadonlySet<FieldProblem> = new Set([
  'required',
  'too-short',
  'too-long',
  'bad-characters',
  'not-six-digits',
  'same-as-first',
  'not-resyncable',
]);

const isAsciiDigit = (c: string) => c >= '0' && c <= '9';
const isWordChar = (c: string) => isAsciiDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_';
const allOf = (s: string, ok: (c: string) => boolean) => [...s].every(ok);

// String.prototype.trim's set, listed out: ECMAScript WhiteSpace plus LineTerminator.
const BLANKS = new Set([
  ...'\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff',
  ...Array.from({ length: 11 }, (_, i) => String.fromCharCode(0x2000 + i)),
]);
function oracleTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && BLANKS.has(s.charAt(start))) start += 1;
  while (end > start && BLANKS.has(s.charAt(end - 1))) end -= 1;
  return s.slice(start, end);
}

/** The six digits IAM would get, or undefined when the field cannot be a valid code. */
function oracleCode(raw: string): string | undefined {
  const t = oracleTrim(raw);
  if (t.length === 6 && allOf(t, isAsciiDigit)) return t;
  const grouped = t.length === 7 && t.charAt(3) === ' ' ? t.slice(0, 3) + t.slice(4) : undefined;
  return grouped !== undefined && allOf(grouped, isAsciiDigit) ? grouped : undefined;
}

function oracleUserName(raw: string): boolean {
  const t = oracleTrim(raw);
  return t.length >= 1 && t.length <= 128 && allOf(t, (c) => isWordChar(c) || '+=,.@-'.includes(c));
}

function oracleIsFido(serial: string): boolean {
  // arn:PARTITION:iam:REGION:ACCOUNT:u2f/… with the ARN's own syntax for each part.
  const parts = serial.split(':');
  if (parts.length < 6 || parts[0] !== 'arn' || parts[2] !== 'iam') return false;
  const [, partition = '', , region = '', account = ''] = parts;
  const lowerDigitDash = (c: string) => (c >= 'a' && c <= 'z') || isAsciiDigit(c) || c === '-';
  const partitionOk =
    partition.length > 0 &&
    partition.charAt(0) >= 'a' &&
    partition.charAt(0) <= 'z' &&
    allOf(partition, lowerDigitDash);
  const accountOk = account === '' || account === 'aws' || (account.length === 12 && allOf(account, isAsciiDigit));
  return partitionOk && allOf(region, lowerDigitDash) && accountOk && parts.slice(5).join(':').startsWith('u2f/');
}

function oracleSerial(raw: string): boolean {
  const t = oracleTrim(raw);
  const charsOk = allOf(t, (c) => isWordChar(c) || '+=/:,.@-'.includes(c));
  return charsOk && t.length >= 9 && t.length <= 256 && !oracleIsFido(t);
}

// Generators that hit the edges (lengths around the limits, look-alike digits, blanks) as well as
// plain arbitrary text.
const lookAlikeDigits = ['٣', '۴', '５', '𝟕', '²', '٫'];
const codeArb = fc.oneof(
  fc.string(),
  fc.stringMatching(/^\s{0,2}\d{3} ?\d{3}\s{0,2}$/),
  fc.stringMatching(/^\d{4,8}$/),
  fc
    .tuple(
      fc.stringMatching(/^\d{6}$/),
      fc.nat(5),
      fc.constantFrom(...lookAlikeDigits, ' ', '\u00a0', '-', 'a', '\u200b'),
    )
    .map(([d, i, c]) => d.slice(0, i) + c + d.slice(i + 1)),
  // Only a single plain space may split a code; any other blank between the halves is refused.
  fc
    .tuple(fc.stringMatching(/^\d{3}$/), fc.constantFrom(...BLANKS, '  ', ''), fc.stringMatching(/^\d{3}$/))
    .map(([a, blank, b]) => a + blank + b),
  fc.constantFrom('', ' ', '\t123456\n', '\u3000123456\u3000', '123  456', ' 123 456 ', '\ufeff123456'),
);
const nameChars = [...'abcXYZ019_+=,.@-', ' ', '/', ':', 'é', '\u00a0', '*'];
const userArb = fc.oneof(
  fc.string(),
  fc.array(fc.constantFrom(...nameChars), { maxLength: 140 }).map((a) => a.join('')),
  fc.integer({ min: 120, max: 135 }).map((n) => 'u'.repeat(n)),
);
const serialArb = fc.oneof(
  fc.string(),
  fc.integer({ min: 6, max: 12 }).map((n) => 'GAHT12345678'.slice(0, n)),
  fc.integer({ min: 250, max: 262 }).map((n) => `arn:aws:iam::123456789012:mfa/${'x'.repeat(n)}`.slice(0, n)),
  fc
    .tuple(
      fc.constantFrom('aws', 'aws-us-gov', 'aws-cn', 'Aws', ''),
      fc.constantFrom('iam', 'sts'),
      fc.constantFrom('123456789012', 'aws', '', '12345'),
      fc.constantFrom('mfa/', 'u2f/user/alice/', 'U2F/', 'mfa/a:b'),
      fc.array(fc.constantFrom(...nameChars), { maxLength: 20 }).map((a) => a.join('')),
    )
    .map(([p, svc, acct, kind, name]) => `arn:${p}:${svc}::${acct}:${kind}${name}`),
);

describe('resync input validation against an independent oracle', () => {
  it('validateCode: never throws, accepts exactly the six-ASCII-digit codes (trimmed or "123 456")', () => {
    fc.assert(
      fc.property(codeArb, (raw) => {
        const problem = validateCode(raw);
        const expected = oracleCode(raw);
        expect(problem === null).toBe(expected !== undefined);
        if (expected !== undefined) expect(normalizeCode(raw)).toBe(expected);
        if (problem !== null) expect(PROBLEMS.has(problem)).toBe(true);
        expect(problem === 'required').toBe(oracleTrim(raw) === '');
      }),
      RUNS,
    );
  });

  it('validateResyncInput: ok iff all four fields meet the API constraints and the codes differ', () => {
    fc.assert(
      fc.property(userArb, serialArb, codeArb, codeArb, (userName, serialNumber, code1, code2) => {
        const result = validateResyncInput({ userName, serialNumber, code1, code2 });
        const c1 = oracleCode(code1);
        const c2 = oracleCode(code2);
        const fieldsOk = oracleUserName(userName) && oracleSerial(serialNumber) && c1 !== undefined && c2 !== undefined;
        expect(result.ok).toBe(fieldsOk && c1 !== c2);
        if (result.ok) {
          // What is sent is exactly what the oracle says IAM gets.
          expect(result.value).toEqual({
            userName: oracleTrim(userName),
            serialNumber: oracleTrim(serialNumber),
            code1: c1,
            code2: c2,
          });
          return;
        }
        // Every problem names a field that really is wrong, with a known problem code.
        const wrong: Record<string, boolean> = {
          userName: !oracleUserName(userName),
          serialNumber: !oracleSerial(serialNumber),
          code1: c1 === undefined,
          code2: c2 === undefined || c1 === c2,
        };
        expect(result.problems.length).toBeGreaterThan(0);
        for (const { field, problem } of result.problems) {
          expect(wrong[field], `${field}: ${problem}`).toBe(true);
          expect(PROBLEMS.has(problem)).toBe(true);
        }
        for (const [field, isWrong] of Object.entries(wrong)) {
          if (isWrong) expect(result.problems.some((p) => p.field === field)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  // Validation runs on every keystroke in the popup: anything that grows faster than the input
  // would be a regex blow-up. Each field gets the long inputs that make a backtracking pattern
  // work hardest (a run of allowed characters ending in a refused one, blanks around a code).
  it('takes time that grows linearly with the length of each field', () => {
    const ok = {
      userName: 'alice',
      serialNumber: 'arn:aws:iam::123456789012:mfa/alice',
      code1: '123456',
      code2: '654321',
    };
    const runs: Record<string, (size: number) => string> = {
      'allowed then refused': (size) => `${'a'.repeat(size - 1)}!`,
      'digits then a letter': (size) => `${'1'.repeat(size - 1)}x`,
      'blanks around a code': (size) => `${' '.repeat(size / 2)}123 456${' '.repeat(size / 2)}`,
      'grouped digits': (size) => '123 '.repeat(size / 4),
    };
    for (const field of ['userName', 'serialNumber', 'code1', 'code2'] as const) {
      for (const [label, run] of Object.entries(runs)) {
        expectLinearGrowth((size) => validateResyncInput({ ...ok, [field]: run(size) }), 40_000, `${field}, ${label}`);
      }
    }
  });
});
