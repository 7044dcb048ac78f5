import { describe, expect, it } from 'vitest';
import { readJsonCredentials } from './json-credentials';

// Which JSON the reader takes as credentials, and exactly which fields it hands on (toStrictEqual:
// a field it did not find must be absent, not undefined).

const KEY = 'ASIAIOSFODNN7EXAMPLE';
const process = { Version: 1, AccessKeyId: KEY, SecretAccessKey: 'secret', SessionToken: 'token' };
const fields = { accessKeyId: KEY, secretAccessKey: 'secret', sessionToken: 'token' };

describe('readJsonCredentials', () => {
  it('reads STS output by its Credentials object, trimmed, leaving out blank values', () => {
    const text = JSON.stringify({
      Credentials: { AccessKeyId: `  ${KEY} `, SecretAccessKey: 'secret', SessionToken: '   ', Expiration: 'e' },
    });
    expect(readJsonCredentials(text)).toStrictEqual({
      format: 'sts-json',
      fields: { accessKeyId: KEY, secretAccessKey: 'secret', expiration: 'e' },
    });
  });

  it('reads credential_process output, by any one of its keys', () => {
    expect(readJsonCredentials(JSON.stringify(process))).toStrictEqual({ format: 'credential-process-json', fields });
    for (const [key, only] of [
      ['Version', {}],
      ['AccessKeyId', { accessKeyId: KEY }],
      ['SecretAccessKey', { secretAccessKey: KEY }],
      ['SessionToken', { sessionToken: KEY }],
    ] as const) {
      expect(readJsonCredentials(JSON.stringify({ [key]: key === 'Version' ? 1 : KEY }))).toStrictEqual({
        format: 'credential-process-json',
        fields: only,
      });
    }
    expect(readJsonCredentials('{"Expiration": "e", "Region": "x"}')).toBeUndefined();
  });

  it('takes a Credentials value that is no object as no STS output', () => {
    for (const credentials of [null, 'text', [process]]) {
      expect(readJsonCredentials(JSON.stringify({ ...process, Credentials: credentials }))).toStrictEqual({
        format: 'credential-process-json',
        fields,
      });
    }
  });

  it('finds the object in a paste with a prompt around it, also one character in', () => {
    const json = JSON.stringify(process);
    for (const text of [`$${json}`, `$ aws configure export-credentials\n${json}\n$ `, `[${json}]`]) {
      expect(readJsonCredentials(text)).toStrictEqual({ format: 'credential-process-json', fields });
    }
  });

  it('does not guess at JSON that does not parse, or at braces the wrong way round', () => {
    expect(readJsonCredentials(JSON.stringify(process).slice(0, -2))).toBeUndefined();
    expect(readJsonCredentials('} "AccessKeyId": 1 {')).toBeUndefined();
    expect(readJsonCredentials('[1, 2]')).toBeUndefined();
  });
});
