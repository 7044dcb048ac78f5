import { describe, expect, it } from 'vitest';
import { cliCommand, cliInputJson } from './cli-command';

const base = {
  userName: 'alice',
  serialNumber: 'arn:aws:iam::123456789012:mfa/alice-phone',
  code1: '123456',
  code2: '654321',
  partition: 'aws' as const,
};

describe('Copy as AWS CLI', () => {
  it('matches the CLI synopsis, codes blanked by default', () => {
    expect(cliCommand({ ...base, includeCodes: false })).toBe(
      [
        'aws iam resync-mfa-device',
        '--user-name alice',
        '--serial-number arn:aws:iam::123456789012:mfa/alice-phone',
        '--authentication-code-1 CODE1',
        '--authentication-code-2 CODE2',
      ].join(' \\\n  '),
    );
    expect(JSON.parse(cliInputJson({ ...base, includeCodes: false }))).toEqual({
      UserName: 'alice',
      SerialNumber: 'arn:aws:iam::123456789012:mfa/alice-phone',
      AuthenticationCode1: '',
      AuthenticationCode2: '',
    });
  });

  it('includes the codes only when asked, and the region outside the aws partition', () => {
    const command = cliCommand({ ...base, partition: 'aws-cn', includeCodes: true });
    expect(command).toContain('--authentication-code-1 123456');
    expect(command).toContain('--authentication-code-2 654321');
    expect(command).toContain('--region cn-north-1');
    expect(JSON.parse(cliInputJson({ ...base, includeCodes: true })).AuthenticationCode2).toBe('654321');
  });

  it('quotes anything a shell would interpret', () => {
    expect(cliCommand({ ...base, userName: "o'brien $(x)", includeCodes: false })).toContain(
      `--user-name 'o'\\''brien $(x)'`,
    );
  });
});
