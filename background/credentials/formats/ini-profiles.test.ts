import { describe, expect, it } from 'vitest';
import { looksLikeIni, readIniProfiles } from './ini-profiles';

// The INI reader on its own: which lines are headers, keys or ignored, which profile is picked,
// and which text counts as INI at all. toStrictEqual: a field it did not find must be absent.

const read = (text: string, profile?: string) => readIniProfiles(text.split('\n'), profile);
const KEYS = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = secret';
const BOTH = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'secret' };

describe('readIniProfiles: lines', () => {
  it('takes a header only as the whole line, a comment after it allowed', () => {
    expect(read(`[dev] # mine\n${KEYS}`)).toStrictEqual({ format: 'ini-profile', fields: { ...BOTH, profile: 'dev' } });
    // Not a header: the keys are one unnamed profile.
    expect(read(`[dev]x\n${KEYS}`)).toStrictEqual({ format: 'ini-profile', fields: BOTH });
  });

  it('finds an indented header, and then ignores keys before the first header', () => {
    expect(read(`aws_access_key_id = AKIAOTHEROTHEROTHER0\n  [dev]\naws_secret_access_key = secret`)).toStrictEqual({
      format: 'ini-profile',
      fields: { secretAccessKey: 'secret', profile: 'dev' },
    });
  });

  it('names `[profile dev]` and `[ dev ]` alike, and keeps a name that only starts with "profile"', () => {
    for (const header of ['[profile dev]', '[ profile dev ]', '[PROFILE   dev]', '[ dev ]']) {
      expect(read(`${header}\n${KEYS}`)).toMatchObject({ fields: { profile: 'dev' } });
    }
    expect(read(`[myprofile dev]\n${KEYS}`)).toMatchObject({ fields: { profile: 'myprofile dev' } });
  });

  it('counts a profile with any one credential key, and not one whose key has no value', () => {
    expect(read('[a]\naws_secret_access_key = s')).toStrictEqual({
      format: 'ini-profile',
      fields: { secretAccessKey: 's', profile: 'a' },
    });
    expect(read('[a]\naws_session_token = t')).toMatchObject({ fields: { sessionToken: 't' } });
    expect(read('[a]\naws_security_token = t')).toMatchObject({ fields: { sessionToken: 't' } });
    expect(read('[a]\naws_session_token =\nregion = eu-west-1')).toBeUndefined();
  });

  it('tells an IAM Identity Center block by its whole header', () => {
    expect(read(`[123456789012_Admin]\n${KEYS}`)).toMatchObject({ format: 'sso-option2' });
    expect(read(`[x123456789012_Admin]\n${KEYS}`)).toMatchObject({ format: 'ini-profile' });
    expect(read(`[123456789012_Admin x]\n${KEYS}`)).toMatchObject({ format: 'ini-profile' });
  });
});

describe('readIniProfiles: picking a profile', () => {
  const two = `[devx]\n${KEYS}\n[other]\n${KEYS}`;

  it('takes a blank request as none', () => {
    expect(read(two, '   ')).toStrictEqual({
      failure: { code: 'pick-profile', format: 'ini-profile', profiles: ['devx', 'other'] },
    });
  });

  it('drops the brackets of a requested `[name]` only at its ends', () => {
    expect(read(two, '[devx]')).toMatchObject({ fields: { profile: 'devx' } });
    expect(read(two, 'dev]x')).toStrictEqual({
      failure: { code: 'unknown-profile', format: 'ini-profile', profiles: ['devx', 'other'] },
    });
    expect(read(`[a[b]\n${KEYS}\n[ab]\n${KEYS}`, 'a[b')).toMatchObject({ fields: { profile: 'a[b' } });
  });
});

describe('looksLikeIni', () => {
  const looks = (...lines: string[]) => looksLikeIni(lines);

  it('is true for an `aws_…` key line anywhere, indented or spaced', () => {
    expect(looks('hello', '  aws_access_key_id = x')).toBe(true);
    expect(looks('aws_a=1')).toBe(true);
    expect(looks('aws_ab  : 1')).toBe(true);
  });

  it('is false for `aws_` that does not start a key line', () => {
    expect(looks('x aws_key=1')).toBe(false);
    expect(looks('aws_KEY=1')).toBe(false);
    expect(looks('aws_key')).toBe(false);
  });

  it('is true for a header with a key line after it, and only after it', () => {
    expect(looks('x', '[dev]', 'key = 1')).toBe(true);
    expect(looks('key = 1', '[dev]')).toBe(false);
    expect(looks('key = 1')).toBe(false);
    expect(looks('[1, 2, 3]')).toBe(false);
  });
});
