import { describe, expect, it } from 'vitest';
import {
  FUTURE_EXPIRY,
  LONG_TERM_KEY_ID,
  NOW,
  SECRET,
  SESSION_TOKEN,
  SSO_HEADER,
  TEMPORARY_KEY_ID,
} from './credential-test-fixtures';
import { parseCredentialPaste } from './parse-credential-paste';

const parse = (text: string, profile?: string) =>
  parseCredentialPaste(text, profile === undefined ? { now: NOW } : { now: NOW, profile });

const credentialsFile = [
  '[default]',
  `aws_access_key_id = ${LONG_TERM_KEY_ID}`,
  `aws_secret_access_key = ${SECRET}`,
  '',
  '[dev]',
  `aws_access_key_id = ${TEMPORARY_KEY_ID}`,
  `aws_secret_access_key = ${SECRET}`,
  `aws_session_token = ${SESSION_TOKEN}`,
  'region = eu-central-1',
].join('\n');

describe('~/.aws/credentials profiles', () => {
  it('uses the only profile when there is one', () => {
    const text = `[default]\naws_access_key_id = ${LONG_TERM_KEY_ID}\naws_secret_access_key = ${SECRET}\n`;
    expect(parse(text)).toEqual({
      ok: true,
      credentials: {
        accessKeyId: LONG_TERM_KEY_ID,
        secretAccessKey: SECRET,
        kind: 'long-term',
        format: 'ini-profile',
        profile: 'default',
      },
    });
  });

  it('asks which profile when several hold credentials and none was chosen', () => {
    expect(parse(credentialsFile)).toEqual({
      ok: false,
      error: { code: 'pick-profile', format: 'ini-profile', profiles: ['default', 'dev'] },
    });
  });

  it('uses the chosen profile, with its token and region', () => {
    expect(parse(credentialsFile, 'dev')).toEqual({
      ok: true,
      credentials: {
        accessKeyId: TEMPORARY_KEY_ID,
        secretAccessKey: SECRET,
        sessionToken: SESSION_TOKEN,
        kind: 'temporary',
        format: 'ini-profile',
        profile: 'dev',
        region: 'eu-central-1',
      },
    });
  });

  it('accepts the chosen profile written as "[dev]" or "profile dev"', () => {
    expect(parse(credentialsFile, '[dev]')).toMatchObject({ ok: true, credentials: { profile: 'dev' } });
    expect(parse(credentialsFile, 'profile dev')).toMatchObject({ ok: true, credentials: { profile: 'dev' } });
  });

  it('reports an unknown profile with the names that exist', () => {
    expect(parse(credentialsFile, 'prod')).toEqual({
      ok: false,
      error: { code: 'unknown-profile', format: 'ini-profile', profiles: ['default', 'dev'] },
    });
  });

  it('reports an unknown profile even when the paste has only one', () => {
    const text = `[default]\naws_access_key_id=${LONG_TERM_KEY_ID}\naws_secret_access_key=${SECRET}`;
    expect(parse(text, 'prod')).toEqual({
      ok: false,
      error: { code: 'unknown-profile', format: 'ini-profile', profiles: ['default'] },
    });
  });

  it('ignores profiles without credentials (e.g. pasted from ~/.aws/config)', () => {
    const text = `[profile sso-admin]\nsso_session = corp\nregion = us-east-1\n[work]\naws_access_key_id=${LONG_TERM_KEY_ID}\naws_secret_access_key=${SECRET}`;
    expect(parse(text)).toMatchObject({ ok: true, credentials: { profile: 'work' } });
  });

  it('reads the legacy aws_security_token and the x_security_token_expires of saml2aws', () => {
    const text = [
      '[saml]',
      `aws_access_key_id        = ${TEMPORARY_KEY_ID}`,
      `aws_secret_access_key    = ${SECRET}`,
      `aws_security_token       = ${SESSION_TOKEN}`,
      `x_security_token_expires = ${FUTURE_EXPIRY}`,
    ].join('\n');
    expect(parse(text)).toMatchObject({
      ok: true,
      credentials: { sessionToken: SESSION_TOKEN, expiration: '2026-03-01T13:00:00.000Z', kind: 'temporary' },
    });
  });

  it('tolerates CRLF, tabs, upper-case keys, ":" separators, quotes and comments', () => {
    const text = [
      '; managed by hand',
      '[ default ]   # main account',
      `\tAWS_ACCESS_KEY_ID: "${LONG_TERM_KEY_ID}"`,
      `aws_secret_access_key='${SECRET}'   ; rotated`,
      '# end',
    ].join('\r\n');
    expect(parse(text)).toMatchObject({
      ok: true,
      credentials: { accessKeyId: LONG_TERM_KEY_ID, secretAccessKey: SECRET, profile: 'default' },
    });
  });

  it('reads key lines pasted without their header as one unnamed profile', () => {
    const text = `aws_access_key_id=${LONG_TERM_KEY_ID}\naws_secret_access_key=${SECRET}`;
    const result = parse(text, 'anything');
    expect(result).toMatchObject({ ok: true, credentials: { format: 'ini-profile', accessKeyId: LONG_TERM_KEY_ID } });
    expect(result.ok && 'profile' in result.credentials).toBe(false);
  });

  it('reports missing keys when the paste is an INI block without credentials', () => {
    expect(parse('[default]\nregion = us-east-1\noutput = json')).toEqual({
      ok: false,
      error: { code: 'missing-fields', format: 'ini-profile', missing: ['accessKeyId', 'secretAccessKey'] },
    });
  });

  it('reports the missing secret of a profile', () => {
    expect(parse(`[default]\naws_access_key_id=${LONG_TERM_KEY_ID}`)).toEqual({
      ok: false,
      error: { code: 'missing-fields', format: 'ini-profile', missing: ['secretAccessKey'] },
    });
  });
});

describe('IAM Identity Center "Option 2" block', () => {
  const option2 = [
    `[${SSO_HEADER}]`,
    `aws_access_key_id=${TEMPORARY_KEY_ID}`,
    `aws_secret_access_key=${SECRET}`,
    `aws_session_token=${SESSION_TOKEN}`,
  ].join('\n');

  it('is recognised by its ACCOUNTID_RoleName header', () => {
    expect(parse(option2)).toEqual({
      ok: true,
      credentials: {
        accessKeyId: TEMPORARY_KEY_ID,
        secretAccessKey: SECRET,
        sessionToken: SESSION_TOKEN,
        kind: 'temporary',
        format: 'sso-option2',
        profile: SSO_HEADER,
      },
    });
  });

  it('accepts role names with the characters IAM allows (+=,.@-)', () => {
    const text = option2.replace(SSO_HEADER, '210987654321_Ops+Read=Only,team.a@b-c');
    expect(parse(text)).toMatchObject({ ok: true, credentials: { format: 'sso-option2' } });
  });

  it('is a plain profile when the header is not 12 digits + "_"', () => {
    const text = option2.replace(SSO_HEADER, '12345678901_Admin');
    expect(parse(text)).toMatchObject({ ok: true, credentials: { format: 'ini-profile' } });
  });

  it('wins over the env blocks when the whole portal dialog was copied', () => {
    const text = [
      'Option 1: Set AWS environment variables',
      `export AWS_ACCESS_KEY_ID="${TEMPORARY_KEY_ID}"`,
      `export AWS_SECRET_ACCESS_KEY="${SECRET}"`,
      `export AWS_SESSION_TOKEN="${SESSION_TOKEN}"`,
      'Option 2: Add a profile to your AWS credentials file',
      option2,
    ].join('\n');
    expect(parse(text)).toMatchObject({ ok: true, credentials: { format: 'sso-option2', profile: SSO_HEADER } });
  });

  it('reports the missing token with format sso-option2', () => {
    const text = option2.split('\n').slice(0, 3).join('\n');
    expect(parse(text)).toEqual({
      ok: false,
      error: { code: 'missing-fields', format: 'sso-option2', missing: ['sessionToken'] },
    });
  });
});
