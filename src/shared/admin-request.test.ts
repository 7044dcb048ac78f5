import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  encodeAdminRequest,
  isAdminRequestEnvelope,
  parseAdminRequest,
  REQUEST_MARKER,
  type AdminRequest,
} from './admin-request';
import { AdminRequestEnvelope } from './admin-request-schema';

const ALICE: AdminRequest = {
  partition: 'aws',
  account: '123456789012',
  userName: 'alice',
  serialNumber: 'arn:aws:iam::123456789012:mfa/alice-phone',
  codes: { code1: '123456', code2: '654321', readAt: 1_796_000_000_000 },
};

const base64url = (value: unknown) =>
  btoa(JSON.stringify(value)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
const payloadOf = (token: string) =>
  JSON.parse(atob(token.slice(REQUEST_MARKER.length).replaceAll('-', '+').replaceAll('_', '/'))) as Record<
    string,
    unknown
  >;

const digits = fc.stringMatching(/^[0-9]{6}$/);
const validRequest: fc.Arbitrary<AdminRequest> = fc.record(
  {
    partition: fc.constantFrom('aws', 'aws-us-gov', 'aws-cn'),
    account: fc.stringMatching(/^[0-9]{12}$/),
    userName: fc.stringMatching(/^[A-Za-z0-9_+=,.@-]{1,64}$/),
    serialNumber: fc.stringMatching(/^[A-Za-z0-9_+=/:,.@-]{9,80}$/).filter((s) => !/u2f\//.test(s)),
    codes: fc
      .record({ code1: digits, code2: digits, readAt: fc.integer({ min: 0, max: 4_000_000_000_000 }) })
      .filter((c) => c.code1 !== c.code2),
  },
  { requiredKeys: ['partition', 'account', 'userName'] },
);

describe('admin request', () => {
  it('round-trips every valid request, in a pasted text and in a link fragment', () => {
    fc.assert(
      fc.property(validRequest, fc.string(), (request, noise) => {
        const token = encodeAdminRequest(request) ?? '';
        const clean = noise.replaceAll(REQUEST_MARKER, '');
        expect(parseAdminRequest(`${clean}\n${token}\n${clean}`)).toEqual({ ok: true, request });
        expect(parseAdminRequest(`chrome-extension://id/popup/index.html#${token}`)).toEqual({ ok: true, request });
      }),
    );
  });

  it('never throws and never accepts what the encoder did not make (fuzzed text)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => REQUEST_MARKER + s),
        ),
        (text) => {
          expect(parseAdminRequest(text).ok).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  }, 20_000); // fuzzed: see the envelope test below

  it('refuses any altered character of a token (altered, malformed, or a version digit raised), never another request', () => {
    const token = encodeAdminRequest(ALICE) ?? '';
    const body = token.slice(REQUEST_MARKER.length);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: body.length - 1 }),
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
        (at, char) => {
          fc.pre(body[at] !== char);
          const altered = REQUEST_MARKER + body.slice(0, at) + char + body.slice(at + 1);
          const parsed = parseAdminRequest(altered);
          if (parsed.ok)
            expect(parsed.request).toEqual(ALICE); // base64 slack in the last character
          else expect(['altered', 'malformed', 'future-version']).toContain(parsed.problem);
        },
      ),
    );
  });

  it('says altered when a field was changed and the token re-encoded, without prefilling it', () => {
    const changed = { ...payloadOf(encodeAdminRequest(ALICE) ?? ''), userName: 'mallory' };
    expect(parseAdminRequest(REQUEST_MARKER + base64url(changed))).toEqual({ ok: false, problem: 'altered' });
  });

  it('says future-version for a newer request, malformed for no version or an extra field', () => {
    const payload = payloadOf(encodeAdminRequest(ALICE) ?? '');
    expect(parseAdminRequest(REQUEST_MARKER + base64url({ ...payload, v: 2 }))).toEqual({
      ok: false,
      problem: 'future-version',
    });
    const { v: _v, ...unversioned } = payload;
    for (const bad of [
      unversioned,
      { ...payload, v: '1' },
      { ...payload, password: 'hunter2' },
      { ...payload, secretAccessKey: 'x' },
    ]) {
      expect(parseAdminRequest(REQUEST_MARKER + base64url(bad))).toEqual({ ok: false, problem: 'malformed' });
    }
  });

  it('refuses two different requests in one text, and finds none in plain text', () => {
    const other = encodeAdminRequest({ ...ALICE, userName: 'bob' }) ?? '';
    expect(parseAdminRequest(`${encodeAdminRequest(ALICE) ?? ''} ${other}`)).toEqual({
      ok: false,
      problem: 'malformed',
    });
    expect(parseAdminRequest('please resync alice')).toEqual({ ok: false, problem: 'not-found' });
  });

  it('the encoder refuses what IAM would refuse: FIDO serials, bad names, equal codes, padded names, no password field', () => {
    const bad: unknown[] = [
      { ...ALICE, serialNumber: 'arn:aws:iam::123456789012:u2f/user/alice/key' },
      { ...ALICE, userName: 'alice smith' },
      { ...ALICE, account: '12345' },
      { ...ALICE, partition: 'aws-iso' },
      { ...ALICE, codes: { code1: '123456', code2: '123456', readAt: 1 } },
      { ...ALICE, password: 'hunter2' },
      { ...ALICE, userName: ' alice' },
    ];
    for (const fields of bad) expect(encodeAdminRequest(fields as AdminRequest)).toBeUndefined();
  });

  it('checks exactly what the valibot schema accepts (fuzzed envelopes, mutated and arbitrary)', () => {
    const envelope = (request: AdminRequest) => payloadOf(encodeAdminRequest(request) ?? '');
    const junk = fc.oneof(
      fc.anything(),
      digits,
      fc.constantFrom('aws', '123456789012', 'alice', '111111', '222222', ' alice', -1, 1.5, 2),
    );
    const mutated = fc
      .tuple(
        validRequest,
        fc.constantFrom('v', 'partition', 'account', 'userName', 'serialNumber', 'codes', 'sum', 'x'),
        junk,
        fc.boolean(),
      )
      .map(([request, key, value, remove]) => {
        const out: Record<string, unknown> = { ...envelope(request) };
        if (remove) delete out[key];
        else out[key] = value;
        return out;
      });
    const codesMutated = fc
      .tuple(validRequest, fc.constantFrom('code1', 'code2', 'readAt', 'x'), junk)
      .map(([request, key, value]) => {
        const out = envelope({ ...request, codes: { code1: '111111', code2: '222222', readAt: 5 } });
        return { ...out, codes: { ...(out['codes'] as object), [key]: value } };
      });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), mutated, codesMutated, validRequest.map(envelope)), (raw) => {
        expect(isAdminRequestEnvelope(raw)).toBe(v.safeParse(AdminRequestEnvelope, raw).success);
      }),
      { numRuns: 3000 },
    );
    // 3 000 runs take ~2 s here when the machine is quiet; beside the suite's builds on 2 cores
    // they went past vitest's 5 s default (CI run, 2026-12-03).
  }, 20_000);

  // Near misses the fuzzing rarely builds: each field one character off at either end.
  it('refuses, in the schema and the parser alike, every field one character off at either end', () => {
    const good = payloadOf(encodeAdminRequest(ALICE) ?? '');
    expect(v.safeParse(AdminRequestEnvelope, good).success).toBe(true);
    const nearMisses: Record<string, unknown[]> = {
      account: ['1234567890123', 'x123456789012', '123456789012 ', '12345678901'],
      userName: ['alice ', ' alice', 'ali ce'],
      serialNumber: [`${ALICE.serialNumber} `, ` ${ALICE.serialNumber}`],
      sum: [`x${String(good['sum'])}`, `${String(good['sum'])}0`, String(good['sum']).slice(1)],
    };
    for (const [key, values] of Object.entries(nearMisses)) {
      for (const value of values) {
        const raw = { ...good, [key]: value };
        expect(v.safeParse(AdminRequestEnvelope, raw).success, `${key}: ${JSON.stringify(value)}`).toBe(false);
        expect(isAdminRequestEnvelope(raw), `${key}: ${JSON.stringify(value)}`).toBe(false);
      }
    }
  });
});
