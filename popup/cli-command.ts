import type { Partition } from '../src/shared/partitions';

// "Copy as AWS CLI": the same call the popup makes, for people who prefer a terminal or must
// hand it to someone who has one. Parity with `aws iam resync-mfa-device` in the seeds.

export interface CliInput {
  userName: string;
  serialNumber: string;
  code1: string;
  code2: string;
  partition: Partition;
  /** Codes are single-use secrets of a moment: blanked unless the user asks for them. */
  includeCodes: boolean;
}

const CODE_PLACEHOLDERS = ['CODE1', 'CODE2'] as const;
/** IAM's global endpoint outside the aws partition needs the partition's region. */
const REGION_FOR: Readonly<Record<Partition, string | undefined>> = {
  aws: undefined,
  'aws-us-gov': 'us-gov-west-1',
  'aws-cn': 'cn-north-1',
};

/** POSIX single-quoting when a value has anything beyond the characters IAM names allow. */
function shellWord(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

function codes(input: CliInput): [string, string] {
  return input.includeCodes ? [input.code1, input.code2] : ['', ''];
}

export function cliCommand(input: CliInput): string {
  const [code1, code2] = codes(input);
  const region = REGION_FOR[input.partition];
  return [
    'aws iam resync-mfa-device',
    `--user-name ${shellWord(input.userName)}`,
    `--serial-number ${shellWord(input.serialNumber)}`,
    `--authentication-code-1 ${code1 ? shellWord(code1) : CODE_PLACEHOLDERS[0]}`,
    `--authentication-code-2 ${code2 ? shellWord(code2) : CODE_PLACEHOLDERS[1]}`,
    ...(region ? [`--region ${region}`] : []),
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
