import { describe, expect, it } from 'vitest';
import {
  fieldProblemMessageKey,
  normalizeCode,
  validateCode,
  validateResyncInput,
  validateSerialNumber,
  validateUserName,
} from './resync-validation';

const valid = {
  userName: 'alice',
  serialNumber: 'arn:aws:iam::123456789012:mfa/alice-phone',
  code1: '123456',
  code2: '654321',
};

describe('validateCode (AuthenticationCode1/2: fixed length 6, [\\d]+)', () => {
  it('accepts six ASCII digits, including leading zeros', () => {
    expect(validateCode('123456')).toBeNull();
    expect(validateCode('000001')).toBeNull();
  });

  it('accepts the "123 456" grouping authenticator apps display, and surrounding spaces', () => {
    expect(validateCode('123 456')).toBeNull();
    expect(validateCode('  123456\t')).toBeNull();
    expect(normalizeCode(' 123 456 ')).toBe('123456');
    // Only a whole grouped code is joined: a digit too many before the group is not dropped.
    expect(normalizeCode('1123 456')).toBe('1123 456');
    expect(validateCode('1123 456')).not.toBeNull();
  });

  it('does not treat other spacing or separators as harmless', () => {
    expect(validateCode('12 34 56')).toBe('bad-characters');
    expect(validateCode('123  456')).toBe('bad-characters');
    expect(validateCode('123-456')).toBe('bad-characters');
    expect(normalizeCode('12 34 56')).toBe('12 34 56');
  });

  it('requires a value', () => {
    expect(validateCode('')).toBe('required');
    expect(validateCode('   ')).toBe('required');
  });

  it('requires exactly six digits', () => {
    expect(validateCode('12345')).toBe('not-six-digits');
    expect(validateCode('1234567')).toBe('not-six-digits');
    expect(validateCode('123 4567')).toBe('bad-characters');
  });

  it.each([
    ['Arabic-Indic', '\u0661\u0662\u0663\u0664\u0665\u0666'],
    ['Extended Arabic-Indic', '\u06F1\u06F2\u06F3\u06F4\u06F5\u06F6'],
    ['Devanagari', '\u0967\u0968\u0969\u096A\u096B\u096C'],
    ['full-width', '\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16'],
    ['one full-width digit among ASCII', '12345\uFF16'],
    ['letters', '12a456'],
    ['superscripts', '\u00B9\u00B2\u00B3456'],
  ])('rejects %s digits: only ASCII 0-9 is \\d for IAM', (_label, code) => {
    expect(validateCode(code)).toBe('bad-characters');
  });
});

describe('validateUserName (1–128, [\\w+=,.@-]+)', () => {
  it('accepts every allowed character', () => {
    expect(validateUserName('Alice_Smith+ops=1,a.b@example-corp')).toBeNull();
  });

  it('accepts 128 characters and refuses 129', () => {
    expect(validateUserName('a'.repeat(128))).toBeNull();
    expect(validateUserName('a'.repeat(129))).toBe('too-long');
  });

  it('accepts a single character (minimum length 1)', () => {
    expect(validateUserName('a')).toBeNull();
  });

  it.each(['alice smith', 'alice/smith', 'alice:smith', 'élodie', 'alice#1', 'ali\u0441e'])('refuses %j', (name) => {
    expect(validateUserName(name)).toBe('bad-characters');
  });

  it('trims, then requires a value', () => {
    expect(validateUserName('  alice ')).toBeNull();
    expect(validateUserName(' ')).toBe('required');
  });
});

describe('validateSerialNumber (9–256, [\\w+=/:,.@-]+)', () => {
  it('accepts 9 characters and refuses 8', () => {
    expect(validateSerialNumber('GAHT12345')).toBeNull();
    expect(validateSerialNumber('GAHT1234')).toBe('too-short');
  });

  it('accepts 256 characters and refuses 257', () => {
    const prefix = 'arn:aws:iam::123456789012:mfa/';
    expect(validateSerialNumber(prefix + 'a'.repeat(256 - prefix.length))).toBeNull();
    expect(validateSerialNumber(prefix + 'a'.repeat(257 - prefix.length))).toBe('too-long');
  });

  it('accepts virtual ARNs in every partition and hardware serials', () => {
    expect(validateSerialNumber('arn:aws-us-gov:iam::123456789012:mfa/alice')).toBeNull();
    expect(validateSerialNumber('arn:aws-cn:iam::123456789012:mfa/alice')).toBeNull();
    expect(validateSerialNumber('GAHT12345678')).toBeNull();
  });

  it('refuses spaces and characters outside the pattern', () => {
    expect(validateSerialNumber('arn:aws:iam::123456789012:mfa/alice phone')).toBe('bad-characters');
    expect(validateSerialNumber('arn:aws:iam::123456789012:mfa/alice*')).toBe('bad-characters');
  });

  it('refuses a FIDO security key: it has nothing to resync', () => {
    expect(validateSerialNumber('arn:aws:iam::123456789012:u2f/user/alice/yubikey-ABCDEF')).toBe('not-resyncable');
  });

  it('requires a value', () => {
    expect(validateSerialNumber('')).toBe('required');
  });
});

describe('validateResyncInput', () => {
  it('returns the normalised values when everything is valid', () => {
    expect(
      validateResyncInput({
        userName: ' alice ',
        serialNumber: ` ${valid.serialNumber}\n`,
        code1: '123 456',
        code2: ' 654321 ',
      }),
    ).toEqual({ ok: true, value: valid });
  });

  it('refuses the same code twice (the user did not wait for the next one)', () => {
    expect(validateResyncInput({ ...valid, code2: valid.code1 })).toEqual({
      ok: false,
      problems: [{ field: 'code2', problem: 'same-as-first' }],
    });
  });

  it('compares codes after normalising them', () => {
    expect(validateResyncInput({ ...valid, code1: '123 456', code2: '123456' })).toMatchObject({
      ok: false,
      problems: [{ field: 'code2', problem: 'same-as-first' }],
    });
  });

  it('reports every field problem at once, in field order', () => {
    expect(validateResyncInput({ userName: '', serialNumber: 'short', code1: '12345', code2: '' })).toEqual({
      ok: false,
      problems: [
        { field: 'userName', problem: 'required' },
        { field: 'serialNumber', problem: 'too-short' },
        { field: 'code1', problem: 'not-six-digits' },
        { field: 'code2', problem: 'required' },
      ],
    });
  });

  it('does not report "same-as-first" on top of an invalid code', () => {
    expect(validateResyncInput({ ...valid, code1: '12345', code2: '12345' })).toEqual({
      ok: false,
      problems: [
        { field: 'code1', problem: 'not-six-digits' },
        { field: 'code2', problem: 'not-six-digits' },
      ],
    });
  });

  it('refuses a FIDO serial', () => {
    expect(validateResyncInput({ ...valid, serialNumber: 'arn:aws:iam::123456789012:u2f/user/alice/key1' })).toEqual({
      ok: false,
      problems: [{ field: 'serialNumber', problem: 'not-resyncable' }],
    });
  });
});

describe('fieldProblemMessageKey', () => {
  it('makes Chrome-safe i18n keys', () => {
    expect(fieldProblemMessageKey('not-six-digits')).toBe('field_not_six_digits');
    expect(fieldProblemMessageKey('required')).toBe('field_required');
  });
});
