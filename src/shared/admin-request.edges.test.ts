import { describe, expect, it } from 'vitest';
import { encodeAdminRequest, parseAdminRequest, REQUEST_MARKER, type AdminRequest } from './admin-request';

// The edges of the admin request token: which fields the encoder refuses, how long a text and a
// token may be, and what a payload that is JSON but no request object is called.

const BOB: AdminRequest = { partition: 'aws', account: '123456789012', userName: 'bob' };
const tokenOf = (payload: unknown) =>
  REQUEST_MARKER + btoa(JSON.stringify(payload)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');

describe('admin request edges', () => {
  it('takes an account id of exactly twelve digits', () => {
    for (const account of ['1234567890123', 'x123456789012', '12345678901']) {
      expect(encodeAdminRequest({ ...BOB, account }), account).toBeUndefined();
    }
  });

  it('refuses a serial number that IAM would refuse', () => {
    expect(encodeAdminRequest({ ...BOB, serialNumber: 'short' })).toBeUndefined();
    expect(encodeAdminRequest({ ...BOB, serialNumber: 'arn:aws:iam::123456789012:mfa/bob phone' })).toBeUndefined();
  });

  it('reads a text of up to 10 000 characters', () => {
    const token = encodeAdminRequest(BOB)!;
    const padded = (length: number) => `${token} ${'x'.repeat(length - token.length - 1)}`;
    expect(parseAdminRequest(padded(10_000))).toEqual({ ok: true, request: BOB });
    expect(parseAdminRequest(padded(10_001))).toEqual({ ok: false, problem: 'malformed' });
  });

  it('calls JSON that is no request object malformed, without throwing', () => {
    for (const payload of [null, 42, 'text', [1]]) {
      expect(parseAdminRequest(tokenOf(payload)), JSON.stringify(payload)).toEqual({ ok: false, problem: 'malformed' });
    }
  });

  it('says future-version only for a whole version number above 1', () => {
    expect(parseAdminRequest(tokenOf({ ...BOB, v: 2, sum: '00000000' }))).toEqual({
      ok: false,
      problem: 'future-version',
    });
    expect(parseAdminRequest(tokenOf({ ...BOB, v: 1.5, sum: '00000000' }))).toEqual({
      ok: false,
      problem: 'malformed',
    });
    expect(parseAdminRequest(tokenOf({ ...BOB, v: '2', sum: '00000000' }))).toEqual({
      ok: false,
      problem: 'malformed',
    });
  });
});
