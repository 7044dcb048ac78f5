import { describe, expect, it } from 'vitest';
import { LONG_TERM_KEY_ID, NOW, SECRET, SESSION_TOKEN, TEMPORARY_KEY_ID } from './credential-test-fixtures';
import { parseCredentialPaste } from './parse-credential-paste';

const parse = (text: string) => parseCredentialPaste(text, { now: NOW });

describe('bash / zsh env blocks', () => {
  it('reads the IAM Identity Center "macOS and Linux" block', () => {
    const text = [
      `export AWS_ACCESS_KEY_ID="${TEMPORARY_KEY_ID}"`,
      `export AWS_SECRET_ACCESS_KEY="${SECRET}"`,
      `export AWS_SESSION_TOKEN="${SESSION_TOKEN}"`,
    ].join('\n');
    expect(parse(text)).toEqual({
      ok: true,
      credentials: {
        accessKeyId: TEMPORARY_KEY_ID,
        secretAccessKey: SECRET,
        sessionToken: SESSION_TOKEN,
        kind: 'temporary',
        format: 'bash',
      },
    });
  });

  it('reads `aws configure export-credentials --format env` with its expiry', () => {
    const text = [
      `export AWS_ACCESS_KEY_ID=${TEMPORARY_KEY_ID}`,
      `export AWS_SECRET_ACCESS_KEY=${SECRET}`,
      `export AWS_SESSION_TOKEN=${SESSION_TOKEN}`,
      'export AWS_CREDENTIAL_EXPIRATION=2026-03-01T12:30:00+00:00',
    ].join('\n');
    const result = parse(text);
    expect(result.ok && result.credentials.expiration).toBe('2026-03-01T12:30:00.000Z');
  });

  it('accepts lines without export, single quotes, CRLF, trailing spaces, comments and a region', () => {
    const text = [
      '# credentials for the sandbox account',
      `AWS_ACCESS_KEY_ID='${LONG_TERM_KEY_ID}'   `,
      `AWS_SECRET_ACCESS_KEY=${SECRET} # do not share`,
      'AWS_DEFAULT_REGION=eu-west-1',
      '',
    ].join('\r\n');
    expect(parse(text)).toEqual({
      ok: true,
      credentials: {
        accessKeyId: LONG_TERM_KEY_ID,
        secretAccessKey: SECRET,
        kind: 'long-term',
        format: 'bash',
        region: 'eu-west-1',
      },
    });
  });

  it('prefers AWS_REGION over AWS_DEFAULT_REGION, as the SDKs do', () => {
    const text = `AWS_DEFAULT_REGION=eu-west-1\nAWS_REGION=us-west-2\nAWS_ACCESS_KEY_ID=${LONG_TERM_KEY_ID}\nAWS_SECRET_ACCESS_KEY=${SECRET}`;
    const result = parse(text);
    expect(result.ok && result.credentials.region).toBe('us-west-2');
  });

  it('reads several statements on one line separated by ";"', () => {
    const text = `export AWS_ACCESS_KEY_ID=${LONG_TERM_KEY_ID}; export AWS_SECRET_ACCESS_KEY="${SECRET}";`;
    expect(parse(text)).toMatchObject({
      ok: true,
      credentials: { accessKeyId: LONG_TERM_KEY_ID, secretAccessKey: SECRET },
    });
  });

  it('takes the legacy AWS_SECURITY_TOKEN when AWS_SESSION_TOKEN is absent', () => {
    const text = `export AWS_ACCESS_KEY_ID=${TEMPORARY_KEY_ID}\nexport AWS_SECRET_ACCESS_KEY=${SECRET}\nexport AWS_SECURITY_TOKEN=${SESSION_TOKEN}`;
    expect(parse(text)).toMatchObject({ ok: true, credentials: { sessionToken: SESSION_TOKEN } });
  });

  it('lets a later assignment win, as a shell would', () => {
    const text = `export AWS_ACCESS_KEY_ID=${LONG_TERM_KEY_ID}\nexport AWS_SECRET_ACCESS_KEY=old\nexport AWS_SECRET_ACCESS_KEY=${SECRET}`;
    expect(parse(text)).toMatchObject({ ok: true, credentials: { secretAccessKey: SECRET } });
  });

  it('strips "smart" quotes added by chat apps and wikis, and zero-width characters', () => {
    const text = `export AWS_ACCESS_KEY_ID=\u201C${LONG_TERM_KEY_ID}\u201D\nexport AWS_SECRET_ACCESS_KEY=\u200B${SECRET}\u200B`;
    expect(parse(text)).toMatchObject({
      ok: true,
      credentials: { accessKeyId: LONG_TERM_KEY_ID, secretAccessKey: SECRET },
    });
  });

  it('ignores prose around the block (a whole portal section copied)', () => {
    const text = [
      'Option 1: Set AWS environment variables (Short-term credentials)',
      'Learn more',
      `export AWS_ACCESS_KEY_ID="${TEMPORARY_KEY_ID}"`,
      `export AWS_SECRET_ACCESS_KEY="${SECRET}"`,
      `export AWS_SESSION_TOKEN="${SESSION_TOKEN}"`,
      'Copied!',
    ].join('\n');
    expect(parse(text)).toMatchObject({ ok: true, credentials: { format: 'bash', sessionToken: SESSION_TOKEN } });
  });
});

describe('PowerShell env blocks', () => {
  it('reads the IAM Identity Center "Windows PowerShell" block', () => {
    const text = [
      `$Env:AWS_ACCESS_KEY_ID="${TEMPORARY_KEY_ID}"`,
      `$Env:AWS_SECRET_ACCESS_KEY="${SECRET}"`,
      `$Env:AWS_SESSION_TOKEN="${SESSION_TOKEN}"`,
    ].join('\r\n');
    expect(parse(text)).toMatchObject({
      ok: true,
      credentials: {
        accessKeyId: TEMPORARY_KEY_ID,
        secretAccessKey: SECRET,
        sessionToken: SESSION_TOKEN,
        format: 'powershell',
      },
    });
  });

  it('accepts $env: in any case, spaces around "=", single quotes and trailing comments', () => {
    const text = `$env:aws_access_key_id = '${LONG_TERM_KEY_ID}'\n$ENV:AWS_SECRET_ACCESS_KEY = "${SECRET}"  # rotated monthly`;
    expect(parse(text)).toMatchObject({
      ok: true,
      credentials: { accessKeyId: LONG_TERM_KEY_ID, secretAccessKey: SECRET, kind: 'long-term', format: 'powershell' },
    });
  });
});

describe('Windows cmd env blocks', () => {
  it('reads the IAM Identity Center "Windows" (cmd) block', () => {
    const text = [
      `set AWS_ACCESS_KEY_ID=${TEMPORARY_KEY_ID}`,
      `set AWS_SECRET_ACCESS_KEY=${SECRET}`,
      `set AWS_SESSION_TOKEN=${SESSION_TOKEN}`,
    ].join('\r\n');
    expect(parse(text)).toMatchObject({
      ok: true,
      credentials: {
        accessKeyId: TEMPORARY_KEY_ID,
        secretAccessKey: SECRET,
        sessionToken: SESSION_TOKEN,
        format: 'cmd',
      },
    });
  });

  it('accepts SET, the quoted `set "NAME=value"` form and trailing spaces', () => {
    const text = `SET AWS_ACCESS_KEY_ID=${LONG_TERM_KEY_ID}   \r\nset "AWS_SECRET_ACCESS_KEY=${SECRET}"\r\n`;
    expect(parse(text)).toMatchObject({
      ok: true,
      credentials: { accessKeyId: LONG_TERM_KEY_ID, secretAccessKey: SECRET, format: 'cmd' },
    });
  });
});

describe('env blocks that are incomplete', () => {
  it('reports a missing secret', () => {
    expect(parse(`export AWS_ACCESS_KEY_ID=${LONG_TERM_KEY_ID}`)).toEqual({
      ok: false,
      error: { code: 'missing-fields', format: 'bash', missing: ['secretAccessKey'] },
    });
  });

  it('reports the missing session token of an ASIA key', () => {
    expect(parse(`$Env:AWS_ACCESS_KEY_ID="${TEMPORARY_KEY_ID}"\n$Env:AWS_SECRET_ACCESS_KEY="${SECRET}"`)).toEqual({
      ok: false,
      error: { code: 'missing-fields', format: 'powershell', missing: ['sessionToken'] },
    });
  });

  it('treats an empty assignment as missing', () => {
    expect(parse(`set AWS_ACCESS_KEY_ID=${LONG_TERM_KEY_ID}\nset AWS_SECRET_ACCESS_KEY=`)).toEqual({
      ok: false,
      error: { code: 'missing-fields', format: 'cmd', missing: ['secretAccessKey'] },
    });
  });
});
