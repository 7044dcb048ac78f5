import { describe, expect, it } from 'vitest';
import {
  LONG_TERM_KEY_ID,
  NOW,
  PAST_EXPIRY,
  SECRET,
  SESSION_TOKEN,
  SSO_HEADER,
  TEMPORARY_KEY_ID,
} from './credential-test-fixtures';
import { parseCredentialPaste } from './parse-credential-paste';

const parse = (text: string, profile?: string) =>
  parseCredentialPaste(text, profile === undefined ? { now: NOW } : { now: NOW, profile });

const bash = (keyId: string, secret: string, token?: string) =>
  [
    `export AWS_ACCESS_KEY_ID=${keyId}`,
    `export AWS_SECRET_ACCESS_KEY=${secret}`,
    ...(token ? [`export AWS_SESSION_TOKEN=${token}`] : []),
  ].join('\n');

describe('rules common to every format', () => {
  it('reports empty and whitespace-only pastes as empty', () => {
    expect(parse('')).toEqual({ ok: false, error: { code: 'empty' } });
    expect(parse('  \r\n\t \n')).toEqual({ ok: false, error: { code: 'empty' } });
  });

  it('reports text in no known format as unrecognized', () => {
    expect(parse('hello, here are my keys')).toEqual({ ok: false, error: { code: 'unrecognized' } });
    expect(parse(`${LONG_TERM_KEY_ID} ${SECRET}`)).toEqual({ ok: false, error: { code: 'unrecognized' } });
  });

  it('refuses access key ids that are not AKIA/ASIA + 16 upper-case letters or digits', () => {
    for (const keyId of [
      'AKIAIOSFODNN7EXAMPL',
      'AKIAIOSFODNN7EXAMPLEX',
      'akiaiosfodnn7example',
      'ABIAIOSFODNN7EXAMPLE',
      'AKIAIOSFODNN7EXAMPL!',
    ]) {
      expect(parse(bash(keyId, SECRET)), keyId).toEqual({
        ok: false,
        error: { code: 'invalid-access-key-id', format: 'bash' },
      });
    }
  });

  it('refuses a session token next to a long-term AKIA key', () => {
    expect(parse(bash(LONG_TERM_KEY_ID, SECRET, SESSION_TOKEN))).toEqual({
      ok: false,
      error: { code: 'token-without-temporary-key', format: 'bash' },
    });
  });

  it('requires the session token of a temporary ASIA key', () => {
    expect(parse(bash(TEMPORARY_KEY_ID, SECRET))).toEqual({
      ok: false,
      error: { code: 'missing-fields', format: 'bash', missing: ['sessionToken'] },
    });
  });

  it('lists every missing field at once', () => {
    expect(parse(`export AWS_SESSION_TOKEN=${SESSION_TOKEN}`)).toEqual({
      ok: false,
      error: { code: 'missing-fields', format: 'bash', missing: ['accessKeyId', 'secretAccessKey'] },
    });
  });

  it('classifies AKIA as long-term and ASIA as temporary', () => {
    expect(parse(bash(LONG_TERM_KEY_ID, SECRET))).toMatchObject({ ok: true, credentials: { kind: 'long-term' } });
    expect(parse(bash(TEMPORARY_KEY_ID, SECRET, SESSION_TOKEN))).toMatchObject({
      ok: true,
      credentials: { kind: 'temporary' },
    });
  });

  it('uses the current time when no clock is given', () => {
    const text = `${bash(TEMPORARY_KEY_ID, SECRET, SESSION_TOKEN)}\nexport AWS_CREDENTIAL_EXPIRATION=2001-01-01T00:00:00Z`;
    expect(parseCredentialPaste(text)).toMatchObject({ ok: false, error: { code: 'expired' } });
  });
});

describe('failures never carry a secret or token from the paste', () => {
  // One malformed paste per failure code and format; every value that must stay secret is unique
  // to its case, so a leak cannot hide behind another case's value.
  const secret = (n: number) => `${SECRET.slice(0, 36)}S${String(n).padStart(3, '0')}`;
  const token = (n: number) => `${SESSION_TOKEN}T${n}`;
  const cases: Array<{ name: string; text: (n: number) => string; profile?: string; code: string }> = [
    { name: 'bash ASIA without token', text: (n) => bash(TEMPORARY_KEY_ID, secret(n)), code: 'missing-fields' },
    {
      name: 'bash AKIA with token',
      text: (n) => bash(LONG_TERM_KEY_ID, secret(n), token(n)),
      code: 'token-without-temporary-key',
    },
    { name: 'bash bad key id', text: (n) => bash('AKIA123', secret(n), token(n)), code: 'invalid-access-key-id' },
    { name: 'token only', text: (n) => `export AWS_SESSION_TOKEN=${token(n)}`, code: 'missing-fields' },
    { name: 'secret only', text: (n) => `$Env:AWS_SECRET_ACCESS_KEY="${secret(n)}"`, code: 'missing-fields' },
    {
      name: 'cmd lower-case key id',
      text: (n) =>
        `set AWS_ACCESS_KEY_ID=asiaiosfodnn7example\nset AWS_SECRET_ACCESS_KEY=${secret(n)}\nset AWS_SESSION_TOKEN=${token(n)}`,
      code: 'invalid-access-key-id',
    },
    {
      name: 'several profiles',
      text: (n) =>
        `[a]\naws_access_key_id=${LONG_TERM_KEY_ID}\naws_secret_access_key=${secret(n)}\n[b]\naws_access_key_id=${TEMPORARY_KEY_ID}\naws_secret_access_key=${secret(n)}\naws_session_token=${token(n)}`,
      code: 'pick-profile',
    },
    {
      name: 'unknown profile',
      text: (n) => `[a]\naws_access_key_id=${LONG_TERM_KEY_ID}\naws_secret_access_key=${secret(n)}`,
      profile: 'zzz',
      code: 'unknown-profile',
    },
    {
      name: 'sso block without token',
      text: (n) => `[${SSO_HEADER}]\naws_access_key_id=${TEMPORARY_KEY_ID}\naws_secret_access_key=${secret(n)}`,
      code: 'missing-fields',
    },
    {
      name: 'expired sts json',
      text: (n) =>
        JSON.stringify({
          Credentials: {
            AccessKeyId: TEMPORARY_KEY_ID,
            SecretAccessKey: secret(n),
            SessionToken: token(n),
            Expiration: PAST_EXPIRY,
          },
        }),
      code: 'expired',
    },
    {
      name: 'broken json',
      text: (n) =>
        `{"Credentials": {"AccessKeyId": "${TEMPORARY_KEY_ID}", "SecretAccessKey": "${secret(n)}", "SessionToken": "${token(n)}"`,
      code: 'unrecognized',
    },
    {
      name: 'credential_process with AKIA and token',
      text: (n) =>
        JSON.stringify({
          Version: 1,
          AccessKeyId: LONG_TERM_KEY_ID,
          SecretAccessKey: secret(n),
          SessionToken: token(n),
        }),
      code: 'token-without-temporary-key',
    },
  ];

  cases.forEach(({ name, text, profile, code }, index) => {
    it(`${name} → ${code}`, () => {
      const result = parse(text(index), profile);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(code);
      const serialized = JSON.stringify(result);
      expect(serialized).not.toContain(secret(index));
      expect(serialized).not.toContain(token(index));
      // Not even a recognisable fragment of them.
      expect(serialized).not.toContain(SECRET.slice(0, 16));
      expect(serialized).not.toContain(SESSION_TOKEN.slice(0, 16));
    });
  });
});
