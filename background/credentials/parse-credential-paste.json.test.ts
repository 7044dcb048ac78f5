import { describe, expect, it } from 'vitest';
import { FUTURE_EXPIRY, NOW, PAST_EXPIRY, SECRET, SESSION_TOKEN, TEMPORARY_KEY_ID } from './credential-test-fixtures';
import { parseCredentialPaste } from './parse-credential-paste';

const parse = (text: string) => parseCredentialPaste(text, { now: NOW });

// Indented the way the AWS CLI prints it.
const getSessionTokenOutput = `{
    "Credentials": {
        "AccessKeyId": "${TEMPORARY_KEY_ID}",
        "SecretAccessKey": "${SECRET}",
        "SessionToken": "${SESSION_TOKEN}",
        "Expiration": "${FUTURE_EXPIRY}"
    }
}`;

const assumeRoleOutput = `{
    "Credentials": {
        "AccessKeyId": "${TEMPORARY_KEY_ID}",
        "SecretAccessKey": "${SECRET}",
        "SessionToken": "${SESSION_TOKEN}",
        "Expiration": "${FUTURE_EXPIRY}"
    },
    "AssumedRoleUser": {
        "AssumedRoleId": "AROA3XFRBF535PLBIFPI4:helpdesk",
        "Arn": "arn:aws:sts::123456789012:assumed-role/Helpdesk/helpdesk"
    }
}`;

const credentialProcessOutput = JSON.stringify({
  Version: 1,
  AccessKeyId: TEMPORARY_KEY_ID,
  SecretAccessKey: SECRET,
  SessionToken: SESSION_TOKEN,
  Expiration: '2026-03-01T12:45:00Z',
});

describe('STS JSON (get-session-token / assume-role)', () => {
  it('reads get-session-token output and normalises the expiry to UTC ISO', () => {
    expect(parse(getSessionTokenOutput)).toEqual({
      ok: true,
      credentials: {
        accessKeyId: TEMPORARY_KEY_ID,
        secretAccessKey: SECRET,
        sessionToken: SESSION_TOKEN,
        expiration: '2026-03-01T13:00:00.000Z',
        kind: 'temporary',
        format: 'sts-json',
      },
    });
  });

  it('reads assume-role output (extra AssumedRoleUser is ignored)', () => {
    expect(parse(assumeRoleOutput)).toMatchObject({ ok: true, credentials: { format: 'sts-json', kind: 'temporary' } });
  });

  it('finds the JSON when the command line and prompt were copied too', () => {
    const text = `$ aws sts get-session-token --duration-seconds 3600\n${getSessionTokenOutput}\n$ `;
    expect(parse(text)).toMatchObject({ ok: true, credentials: { format: 'sts-json', secretAccessKey: SECRET } });
  });

  it('refuses credentials whose Expiration has passed', () => {
    expect(parse(getSessionTokenOutput.replace(FUTURE_EXPIRY, PAST_EXPIRY))).toEqual({
      ok: false,
      error: { code: 'expired', format: 'sts-json', expiration: '2026-03-01T11:00:00.000Z' },
    });
  });

  it('counts an expiry exactly at "now" as expired', () => {
    const text = getSessionTokenOutput.replace(FUTURE_EXPIRY, new Date(NOW).toISOString());
    expect(parse(text)).toMatchObject({ ok: false, error: { code: 'expired' } });
  });

  it('drops an Expiration that is not a date instead of trusting it', () => {
    const result = parse(getSessionTokenOutput.replace(FUTURE_EXPIRY, 'soon'));
    expect(result.ok).toBe(true);
    expect(result.ok && 'expiration' in result.credentials).toBe(false);
  });

  it('reports missing fields inside Credentials', () => {
    const text = JSON.stringify({ Credentials: { AccessKeyId: TEMPORARY_KEY_ID, SecretAccessKey: SECRET } });
    expect(parse(text)).toEqual({
      ok: false,
      error: { code: 'missing-fields', format: 'sts-json', missing: ['sessionToken'] },
    });
  });

  it('treats non-string values as missing', () => {
    const text = JSON.stringify({
      Credentials: { AccessKeyId: 42, SecretAccessKey: null, SessionToken: SESSION_TOKEN },
    });
    expect(parse(text)).toEqual({
      ok: false,
      error: { code: 'missing-fields', format: 'sts-json', missing: ['accessKeyId', 'secretAccessKey'] },
    });
  });

  it('calls JSON cut short "unrecognized" rather than guessing', () => {
    const truncated = getSessionTokenOutput.slice(0, getSessionTokenOutput.indexOf('"Expiration"'));
    expect(parse(truncated)).toEqual({ ok: false, error: { code: 'unrecognized' } });
  });

  it('calls JSON of another shape "unrecognized"', () => {
    expect(parse('{"UserId": "AIDAEXAMPLE", "Account": "123456789012"}')).toEqual({
      ok: false,
      error: { code: 'unrecognized' },
    });
    expect(parse('[1, 2, 3]')).toEqual({ ok: false, error: { code: 'unrecognized' } });
  });
});

describe('credential_process JSON', () => {
  it('reads Version 1 output', () => {
    expect(parse(credentialProcessOutput)).toEqual({
      ok: true,
      credentials: {
        accessKeyId: TEMPORARY_KEY_ID,
        secretAccessKey: SECRET,
        sessionToken: SESSION_TOKEN,
        expiration: '2026-03-01T12:45:00.000Z',
        kind: 'temporary',
        format: 'credential-process-json',
      },
    });
  });

  it('refuses expired output', () => {
    const text = credentialProcessOutput.replace('2026-03-01T12:45:00Z', PAST_EXPIRY);
    expect(parse(text)).toMatchObject({ ok: false, error: { code: 'expired', format: 'credential-process-json' } });
  });

  it('reports a missing secret', () => {
    const text = JSON.stringify({ Version: 1, AccessKeyId: TEMPORARY_KEY_ID, SessionToken: SESSION_TOKEN });
    expect(parse(text)).toEqual({
      ok: false,
      error: { code: 'missing-fields', format: 'credential-process-json', missing: ['secretAccessKey'] },
    });
  });
});
