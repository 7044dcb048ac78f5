import { resolveEndpoints, type EndpointChoice } from '../src/shared/partitions';

// "Copy as AWS CLI": the same call the popup makes, for people who prefer a terminal or must
// hand it to someone who has one. Parity with `aws iam resync-mfa-device` in the seeds, except the
// code options: the seed's `--authentication-code-1` is the pre-2018 spelling that AWS CLI v1 keeps
// only as an alias (aws/aws-cli#3412) and v2 rejects (measured: 2.9.19 "the following arguments are
// required: --authentication-code1"); `--authentication-code1` works in both.
//
// It targets the host the extension calls. For FIPS, dual-stack or an override (gateway, sandbox)
// that is `--endpoint-url` with the exact URL from src/shared/partitions.ts plus `--region` for the
// SigV4 scope, not AWS_USE_FIPS_ENDPOINT / AWS_USE_DUALSTACK_ENDPOINT: those make the CLI resolve
// the host with its own, possibly older rules (AWS CLI 2.9's IAM rules send dual-stack to
// iam.us-east-1.api.aws, not iam.global.api.aws).

export interface CliInput {
  userName: string;
  serialNumber: string;
  code1: string;
  code2: string;
  /** What the extension calls: the session's partition with the effective FIPS/dual-stack/override. */
  endpoint: EndpointChoice;
  /** Codes are single-use secrets of a moment: blanked unless the user asks for them. */
  includeCodes: boolean;
}

const CODE_PLACEHOLDERS = ['CODE1', 'CODE2'] as const;

/** POSIX single-quoting when a value has anything beyond the characters IAM names allow. */
function shellWord(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

function codes(input: CliInput): [string, string] {
  return input.includeCodes ? [input.code1, input.code2] : ['', ''];
}

/**
 * The endpoint options. The standard IAM host is what the CLI picks itself (IAM is global per
 * partition; outside `aws` it needs the partition's region). Throws UnsupportedEndpointError for a
 * combination the extension refuses: there is no command for a host that is never called.
 */
function endpointOptions(choice: EndpointChoice): Array<[string, string]> {
  const { iam, region } = resolveEndpoints(choice);
  if (!choice.override && !choice.fips && !choice.dualStack) {
    return choice.partition === 'aws' ? [] : [['--region', region]];
  }
  // With an explicit endpoint the CLI signs with its configured region, so it is always given.
  return [
    ['--endpoint-url', iam],
    ['--region', region],
  ];
}

/** The command's options and values, in order, as the AWS CLI receives them (after `aws`). */
export function cliArguments(input: CliInput): string[] {
  const [code1, code2] = codes(input);
  return ['iam', 'resync-mfa-device', ...optionPairs(input, code1, code2).flat()];
}

function optionPairs(input: CliInput, code1: string, code2: string): Array<[string, string]> {
  return [
    ['--user-name', input.userName],
    ['--serial-number', input.serialNumber],
    ['--authentication-code1', code1 || CODE_PLACEHOLDERS[0]],
    ['--authentication-code2', code2 || CODE_PLACEHOLDERS[1]],
    ...endpointOptions(input.endpoint),
  ];
}

export function cliCommand(input: CliInput): string {
  const [code1, code2] = codes(input);
  return [
    'aws iam resync-mfa-device',
    ...optionPairs(input, code1, code2).map(([option, value]) => `${option} ${shellWord(value)}`),
  ].join(' \\\n  ');
}

/** The `--cli-input-json` body (field names as `aws iam resync-mfa-device --generate-cli-skeleton`). */
export function cliInputJson(input: CliInput): string {
  const [code1, code2] = codes(input);
  return JSON.stringify(
    {
      UserName: input.userName,
      SerialNumber: input.serialNumber,
      AuthenticationCode1: code1,
      AuthenticationCode2: code2,
    },
    null,
    2,
  );
}
