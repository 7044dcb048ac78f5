import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectLinearGrowth } from '../../src/test-kit/linear-growth';
import { parseCredentialPaste, type ParseResult } from './parse-credential-paste';

// Property tests for the paste parser: whatever is pasted, it answers (never throws, never hangs),
// and a refusal carries only field names, formats, profile names and a normalised expiry — never a
// key, secret or token from the paste. Runs are bounded so the whole file stays well under a second.

const NOW = Date.parse('2026-03-01T12:00:00Z');
const RUNS = { numRuns: 300 } as const;

const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');
const BASE64 = [...UPPER_DIGITS, ...'abcdefghijklmnopqrstuvwxyz/+'.split('')];
const chars = (alphabet: string[], min: number, max: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: min, maxLength: max }).map((a) => a.join(''));

interface Creds {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

// Temporary keys always come with a token and long-term keys never do, so a well-formed paste parses.
const credsArb: fc.Arbitrary<Creds> = fc
  .tuple(fc.boolean(), chars(UPPER_DIGITS, 16, 16), chars(BASE64, 40, 40), chars(BASE64, 80, 300))
  .map(([temporary, id, secretAccessKey, token]) =>
    temporary
      ? { accessKeyId: `ASIA${id}`, secretAccessKey, sessionToken: `${token}==` }
      : { accessKeyId: `AKIA${id}`, secretAccessKey },
  );

type Builder = (c: Creds) => string[];
const line =
  (prefix: string, suffix = '') =>
  (value: string | undefined) =>
    value === undefined ? [] : [`${prefix}${value}${suffix}`];
const pascal = (c: Creds) => ({
  AccessKeyId: c.accessKeyId,
  SecretAccessKey: c.secretAccessKey,
  ...(c.sessionToken ? { SessionToken: c.sessionToken } : {}),
});
const BUILDERS: Record<string, Builder> = {
  bash: (c) => [
    ...line('export AWS_ACCESS_KEY_ID="', '"')(c.accessKeyId),
    ...line("export AWS_SECRET_ACCESS_KEY='", "'")(c.secretAccessKey),
    ...line('export AWS_SESSION_TOKEN=')(c.sessionToken),
  ],
  powershell: (c) => [
    ...line('$Env:AWS_ACCESS_KEY_ID="', '"')(c.accessKeyId),
    ...line('$env:AWS_SECRET_ACCESS_KEY="', '"')(c.secretAccessKey),
    ...line('$Env:AWS_SESSION_TOKEN="', '"')(c.sessionToken),
  ],
  cmd: (c) => [
    ...line('set AWS_ACCESS_KEY_ID=')(c.accessKeyId),
    ...line('set "AWS_SECRET_ACCESS_KEY=', '"')(c.secretAccessKey),
    ...line('SET AWS_SESSION_TOKEN=')(c.sessionToken),
  ],
  ini: (c) => [
    '[default]',
    'region = us-east-1',
    '[profile dev]',
    ...line('aws_access_key_id = ')(c.accessKeyId),
    ...line('aws_secret_access_key=')(c.secretAccessKey),
    ...line('aws_session_token : ')(c.sessionToken),
  ],
  sso: (c) => [
    '[123456789012_AdministratorAccess]',
    ...line('aws_access_key_id=')(c.accessKeyId),
    ...line('aws_secret_access_key=')(c.secretAccessKey),
    ...line('aws_session_token=')(c.sessionToken),
  ],
  stsJson: (c) => [
    '$ aws sts get-session-token',
    JSON.stringify(
      { Credentials: { ...pascal(c), Expiration: '2026-03-01T13:00:00+00:00' }, AssumedRoleUser: { Arn: 'x' } },
      null,
      2,
    ),
  ],
  processJson: (c) => [JSON.stringify({ Version: 1, ...pascal(c), Expiration: '2026-03-01T13:00:00Z' })],
};

// Things people (and chat apps) do to a paste. Line-level on purpose: a mutation never splices a
// secret into a profile header, which is the one place the parser may legitimately echo input.
const JUNK_LINE = fc.oneof(
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[[\]]/g, '')),
  fc.constantFrom('# comment', '', '   ', '{', '}', '"', 'export', 'AWS_REGION=eu-west-1', '[', 'aws_x = 1', '$Env:'),
);
type Mutation = (lines: string[]) => string[];
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map(
    (i): Mutation =>
      (ls) =>
        ls.filter((_, j) => j !== i % Math.max(ls.length, 1)),
  ),
  fc.nat().map(
    (i): Mutation =>
      (ls) =>
        ls.flatMap((l, j) => (j === i % Math.max(ls.length, 1) ? [l, l] : [l])),
  ),
  fc.tuple(fc.nat(), JUNK_LINE).map(
    ([i, junk]): Mutation =>
      (ls) =>
        ls.toSpliced(i % (ls.length + 1), 0, junk),
  ),
  fc.nat().map((i): Mutation => (ls) => {
    const text = ls.join('\n');
    return text.slice(0, i % (text.length + 1)).split('\n');
  }),
  fc.constant<Mutation>((ls) => [...ls].reverse()),
  fc.constant<Mutation>((ls) => ls.map((l) => l.replace(/["']/g, '\u201C'))),
  fc.constant<Mutation>((ls) => ls.map((l) => `  ${l}\u200B\t`)),
  fc.constant<Mutation>((ls) => [ls.join('; ')]),
  fc.constant<Mutation>((ls) => ls.map((l) => l.toLowerCase())),
);

const safeParse = (text: string, profile?: string): ParseResult => {
  let result: ParseResult | undefined;
  expect(() => {
    result = parseCredentialPaste(text, profile === undefined ? { now: NOW } : { now: NOW, profile });
  }).not.toThrow();
  return result as ParseResult;
};

const CODES = new Set([
  'empty',
  'unrecognized',
  'missing-fields',
  'pick-profile',
  'unknown-profile',
  'invalid-access-key-id',
  'token-without-temporary-key',
  'expired',
]);
const FORMATS = new Set([
  'bash',
  'powershell',
  'cmd',
  'ini-profile',
  'sts-json',
  'credential-process-json',
  'sso-option2',
]);
const FIELDS = new Set(['accessKeyId', 'secretAccessKey', 'sessionToken']);
const ISO = /^\d{4,6}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$|^[+-]\d{6}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** The failure's shape, checked leaf by leaf: only enumerations, header names and an ISO date. */
function expectHarmlessFailure(result: ParseResult, input: string): void {
  if (result.ok) return;
  const error = result.error as Record<string, unknown>;
  for (const key of Object.keys(error)) expect(['code', 'format', 'missing', 'profiles', 'expiration']).toContain(key);
  expect(CODES.has(String(error['code']))).toBe(true);
  if ('format' in error) expect(FORMATS.has(String(error['format']))).toBe(true);
  if ('missing' in error) for (const f of error['missing'] as string[]) expect(FIELDS.has(f)).toBe(true);
  if ('expiration' in error) expect(String(error['expiration'])).toMatch(ISO);
  // Profile names are what the paste's own [headers] say; each must be visible in the input (once
  // the zero-width characters the parser drops are dropped here too).
  const visible = input.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
  if ('profiles' in error) for (const p of error['profiles'] as string[]) expect(visible).toContain(p);
}

function expectPlausibleSuccess(result: ParseResult): void {
  if (!result.ok) return;
  const { accessKeyId, kind, sessionToken } = result.credentials;
  expect(accessKeyId).toMatch(/^(AKIA|ASIA)[A-Z0-9]{16}$/);
  expect(kind).toBe(accessKeyId.startsWith('ASIA') ? 'temporary' : 'long-term');
  // STS never issues a temporary key without its token, and long-term keys have none.
  expect(sessionToken !== undefined).toBe(kind === 'temporary');
}

describe('parseCredentialPaste under generated input', () => {
  it('round-trips every well-formed paste of every format', () => {
    fc.assert(
      fc.property(credsArb, fc.constantFrom(...Object.keys(BUILDERS)), (creds, format) => {
        const result = safeParse((BUILDERS[format] as Builder)(creds).join('\n'), format === 'ini' ? 'dev' : undefined);
        expect(result.ok && result.credentials).toMatchObject(creds);
      }),
      RUNS,
    );
  });

  it('answers mutated pastes without throwing, and a refusal repeats no key, secret or token', () => {
    fc.assert(
      fc.property(
        credsArb,
        fc.constantFrom(...Object.keys(BUILDERS)),
        fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
        fc.option(fc.constantFrom('dev', 'default', 'nope', '[profile dev]', ''), { nil: undefined }),
        (creds, format, mutations, profile) => {
          const lines = mutations.reduce((ls, m) => m(ls), (BUILDERS[format] as Builder)(creds));
          const text = lines.join(lines.length % 2 ? '\n' : '\r\n');
          const result = safeParse(text, profile);
          expectHarmlessFailure(result, text);
          expectPlausibleSuccess(result);
          if (!result.ok) {
            const json = JSON.stringify(result);
            for (const secret of [creds.accessKeyId, creds.secretAccessKey, creds.sessionToken]) {
              // A 12-character piece is enough to count: a truncated echo is still a leak.
              if (secret) expect(json).not.toContain(secret.slice(0, 12));
            }
          }
        },
      ),
      RUNS,
    );
  });

  const soup = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          'export ',
          'AWS_ACCESS_KEY_ID=',
          'AWS_SECRET_ACCESS_KEY=',
          'AWS_SESSION_TOKEN=',
          '$Env:',
          'set "',
        ),
        fc.constantFrom('[', ']', '[profile x]', 'aws_access_key_id=', '{"Credentials":', '{', '}', '"', "'", '\u201C'),
        fc.constantFrom('\n', '\r\n', ';', ' ', '=', ':', '#', 'AKIA', 'ASIA', '2026-03-01T11:00:00Z', '"Expiration":'),
        chars(BASE64, 1, 24),
      ),
      { maxLength: 60 },
    )
    .map((parts) => parts.join(''));

  it('answers arbitrary text, format-shaped token soup and any profile name with a well-formed result', () => {
    const text = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 }), soup);
    fc.assert(
      fc.property(text, fc.option(fc.string({ maxLength: 30 }), { nil: undefined }), (input, profile) => {
        const result = safeParse(input, profile);
        expectHarmlessFailure(result, input);
        expectPlausibleSuccess(result);
      }),
      { numRuns: 600 },
    );
  });

  // A paste is capped at 20,000 characters by the message schema; the worker must still answer it
  // promptly. Every combination is tried (a sampled subset missed the slow one): quadratic regex
  // backtracking on one long header-like line used to take about two seconds at 20,000 characters.
  // The test checks how the time grows, not a time: a fixed bound failed on a loaded machine.
  it('answers adversarial pastes up to the 20,000-character cap in time that grows linearly', () => {
    const units = [' ', ' \t', '"', "'", '[', ']', '=', ';', 'a', '{', '[a ', ' =', '\u201C '];
    const heads = ['', '[', '[a', 'export AWS_ACCESS_KEY_ID=', 'set "AWS_X=', '{'];
    for (const head of heads) {
      for (const unit of units) {
        for (const tail of ['x', '\n]']) {
          const paste = (size: number) =>
            (head + unit.repeat(Math.ceil(size / unit.length))).slice(0, size - tail.length) + tail;
          expect(paste(20_000)).toHaveLength(20_000);
          expectLinearGrowth((size) => safeParse(paste(size)), 20_000, JSON.stringify({ head, unit, tail }));
        }
      }
    }
  });
});
