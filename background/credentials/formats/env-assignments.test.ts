import { describe, expect, it } from 'vitest';
import { readEnvAssignments } from './env-assignments';

// The env-var reader on its own: which statements are assignments in which shell, which variables
// it reads, and which shell names the format. toStrictEqual: a field it did not find must be absent.

const read = (...lines: string[]) => readEnvAssignments(lines);
const KEY = 'AKIAIOSFODNN7EXAMPLE';

describe('readEnvAssignments', () => {
  it('reads a statement only from its start', () => {
    expect(read(`x$env:AWS_ACCESS_KEY_ID=${KEY}`)).toBeUndefined();
    expect(read(`xset AWS_ACCESS_KEY_ID=${KEY}`)).toBeUndefined();
    expect(read(`$Env:AWS_ACCESS_KEY_ID = "${KEY}"`)).toStrictEqual({
      format: 'powershell',
      fields: { accessKeyId: KEY },
    });
  });

  it('allows any run of blanks after `set` and `export`', () => {
    expect(read(`set  AWS_ACCESS_KEY_ID=${KEY}`)).toStrictEqual({ format: 'cmd', fields: { accessKeyId: KEY } });
    expect(read(`export  AWS_ACCESS_KEY_ID=${KEY}`)).toStrictEqual({ format: 'bash', fields: { accessKeyId: KEY } });
  });

  it('drops only the closing quote of cmd’s `set "NAME=value"`', () => {
    expect(read('set "AWS_SECRET_ACCESS_KEY=ab"c"')).toStrictEqual({
      format: 'cmd',
      fields: { secretAccessKey: 'ab"c' },
    });
  });

  it('reads the legacy and alternative names', () => {
    expect(
      read('export AWS_SECURITY_TOKEN=t', 'export AWS_SESSION_EXPIRATION=e', 'export AWS_DEFAULT_REGION=r'),
    ).toStrictEqual({
      format: 'bash',
      fields: { sessionToken: 't', expiration: 'e', region: 'r' },
    });
  });

  it('takes the format from the first credential line, not from other AWS_ lines', () => {
    expect(
      read('$env:AWS_REGION="eu-west-1"', `export AWS_ACCESS_KEY_ID=${KEY}`, 'set AWS_SECRET_ACCESS_KEY=s'),
    ).toStrictEqual({
      format: 'bash',
      fields: { accessKeyId: KEY, secretAccessKey: 's', region: 'eu-west-1' },
    });
    expect(read('export AWS_REGION=eu-west-1')).toBeUndefined();
  });
});
