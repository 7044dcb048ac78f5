import { describe, expect, it } from 'vitest';
import type { EndpointChoice } from '../src/shared/partitions';
import { cliArguments, cliCommand, cliInputJson } from './cli-command';

const base = {
  userName: 'alice',
  serialNumber: 'arn:aws:iam::123456789012:mfa/alice-phone',
  code1: '123456',
  code2: '654321',
  endpoint: { partition: 'aws' } as EndpointChoice,
};
const SYNOPSIS = [
  'iam',
  'resync-mfa-device',
  '--user-name',
  'alice',
  '--serial-number',
  'arn:aws:iam::123456789012:mfa/alice-phone',
  '--authentication-code1',
  '123456',
  '--authentication-code2',
  '654321',
];
const endpointArgs = (endpoint: EndpointChoice) =>
  cliArguments({ ...base, endpoint, includeCodes: true }).slice(SYNOPSIS.length);

describe('Copy as AWS CLI', () => {
  it('matches the CLI synopsis, codes blanked by default', () => {
    expect(cliCommand({ ...base, includeCodes: false })).toBe(
      [
        'aws iam resync-mfa-device',
        '--user-name alice',
        '--serial-number arn:aws:iam::123456789012:mfa/alice-phone',
        '--authentication-code1 CODE1',
        '--authentication-code2 CODE2',
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
    const command = cliCommand({ ...base, endpoint: { partition: 'aws-cn' }, includeCodes: true });
    expect(command).toContain('--authentication-code1 123456');
    expect(command).toContain('--authentication-code2 654321');
    expect(command).toContain('--region cn-north-1');
    expect(command).not.toContain('--endpoint-url');
    expect(JSON.parse(cliInputJson({ ...base, includeCodes: true })).AuthenticationCode2).toBe('654321');
  });

  it('the argument list is the command, word for word', () => {
    expect(cliArguments({ ...base, includeCodes: true })).toEqual(SYNOPSIS);
    expect(endpointArgs({ partition: 'aws-us-gov' })).toEqual(['--region', 'us-gov-west-1']);
  });

  it('an override (gateway or sandbox) becomes --endpoint-url, signed as the partition home region', () => {
    expect(endpointArgs({ partition: 'aws', override: 'https://iam-gw.corp.example/' })).toEqual([
      '--endpoint-url',
      'https://iam-gw.corp.example',
      '--region',
      'us-east-1',
    ]);
    // The override wins over FIPS / dual-stack, as in the extension.
    expect(endpointArgs({ partition: 'aws-cn', fips: true, override: 'http://127.0.0.1:4566' })).toEqual([
      '--endpoint-url',
      'http://127.0.0.1:4566',
      '--region',
      'cn-north-1',
    ]);
  });

  it.each<[string, EndpointChoice, string, string]>([
    ['aws FIPS', { partition: 'aws', fips: true }, 'https://iam-fips.amazonaws.com', 'us-east-1'],
    ['aws dual-stack', { partition: 'aws', dualStack: true }, 'https://iam.global.api.aws', 'us-east-1'],
    [
      'aws FIPS dual-stack',
      { partition: 'aws', fips: true, dualStack: true },
      'https://iam-fips.global.api.aws',
      'us-east-1',
    ],
    ['GovCloud FIPS', { partition: 'aws-us-gov', fips: true }, 'https://iam.us-gov.amazonaws.com', 'us-gov-west-1'],
    [
      'GovCloud dual-stack',
      { partition: 'aws-us-gov', dualStack: true },
      'https://iam.us-gov.api.aws',
      'us-gov-west-1',
    ],
    [
      'China dual-stack',
      { partition: 'aws-cn', dualStack: true },
      'https://iam.global.api.amazonwebservices.com.cn',
      'cn-north-1',
    ],
  ])(
    '%s: the exact host the extension calls, not the CLI’s own FIPS/dual-stack rules',
    (_name, endpoint, url, region) => {
      expect(endpointArgs(endpoint)).toEqual(['--endpoint-url', url, '--region', region]);
      expect(cliCommand({ ...base, endpoint, includeCodes: false })).toContain(
        `--endpoint-url ${url} \\\n  --region ${region}`,
      );
    },
  );

  it('has no command for a combination the extension refuses', () => {
    expect(() => cliCommand({ ...base, endpoint: { partition: 'aws-cn', fips: true }, includeCodes: false })).toThrow(
      /no FIPS/,
    );
    expect(() =>
      cliArguments({ ...base, endpoint: { partition: 'aws-us-gov', fips: true, dualStack: true }, includeCodes: true }),
    ).toThrow(/no FIPS dual-stack/);
  });

  it('quotes anything a shell would interpret', () => {
    expect(cliCommand({ ...base, userName: "o'brien $(x)", includeCodes: false })).toContain(
      `--user-name 'o'\\''brien $(x)'`,
    );
    expect(
      cliCommand({ ...base, endpoint: { partition: 'aws', override: "https://gw.example/a'b" }, includeCodes: false }),
    ).toContain(`--endpoint-url 'https://gw.example/a'\\''b'`);
  });
});
