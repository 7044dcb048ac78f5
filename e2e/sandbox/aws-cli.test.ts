// The AWS CLI v2 (its own botocore: SigV4 signer and Query-protocol parser) against the sandbox via
// --endpoint-url: each operation the extension calls, and the errors a user meets most, come back
// as the CLI reports them for real IAM/STS. Skipped when there is no CLI, except in CI (fails).
// The full error matrix, with HTTP statuses, runs through Debian's botocore: botocore-errors.test.ts.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { AwsCredentialIdentity } from '@smithy/types';
import { describe, expect, it } from 'vitest';
import { seededSessionOf } from './seed';
import {
  awsCliEnv,
  awsCliPath,
  controlPost,
  keysOf,
  phone,
  secondClientAvailable,
  SERIALS,
  signInAccepted,
} from './sandbox-test-kit';
import { useTestSandbox } from './use-test-sandbox';

const run = promisify(execFile);
const cli = awsCliPath();
const cliInstalled = secondClientAvailable(cli !== null, 'The AWS CLI (Debian package awscli)');
const sb = useTestSandbox({ resetEach: true });

/** AWS CLI v2 exit codes: 0 success, 254 the service answered with an error, 255 anything else. */
const SERVICE_ERROR_EXIT = 254;
/** Each CLI start costs about a second of CPU, several at once on a busy machine take longer. */
const CLI_TIMEOUT_MS = 60_000;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `aws …` with these credentials and nothing from the machine's own AWS config. */
async function aws(credentials: AwsCredentialIdentity, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(cli ?? 'aws', [...args, '--endpoint-url', sb.url, '--output', 'json'], {
      env: awsCliEnv(credentials),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

// `--authentication-code1`/`2` (the API's own names) work in v2 and in v1; v1's renamed
// `--authentication-code-1`/`-2` are rejected by v2 as missing arguments.
const resyncArgs = (userName: string, serial: string, code1: string, code2: string) => [
  'iam',
  'resync-mfa-device',
  '--user-name',
  userName,
  '--serial-number',
  serial,
  '--authentication-code1',
  code1,
  '--authentication-code2',
  code2,
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How the CLI reports an AWS error (v2 adds the retry count when retries are configured). */
const serviceError = (code: string, operation: string, messageStart: string) =>
  expect.objectContaining({
    code: SERVICE_ERROR_EXIT,
    stderr: expect.stringMatching(
      new RegExp(
        `An error occurred \\(${code}\\) when calling the ${operation} operation` +
          `(?: \\(reached max retries: \\d+\\))?: ${escapeRegExp(messageStart)}`,
      ),
    ),
  });

describe.skipIf(!cliInstalled)('aws CLI against the sandbox', () => {
  it(
    'get-caller-identity, list-mfa-devices and get-session-token with MFA parse into the sandbox values',
    async () => {
      const bobCode = (await phone(sb.url, SERIALS.bobPhone)).codes[0];
      const [identity, devices, session] = await Promise.all([
        aws(keysOf('alice'), 'sts', 'get-caller-identity'),
        aws(keysOf('alice'), 'iam', 'list-mfa-devices'),
        aws(keysOf('bob'), 'sts', 'get-session-token', '--serial-number', SERIALS.bobPhone, '--token-code', bobCode),
      ]);
      expect(identity.code, identity.stderr).toBe(0);
      expect(JSON.parse(identity.stdout)).toEqual({
        UserId: 'AIDASANDBOXALICE00001',
        Account: '123456789012',
        Arn: 'arn:aws:iam::123456789012:user/alice',
      });
      expect(devices.code, devices.stderr).toBe(0);
      // (The CLI's paginator follows IsTruncated/Marker itself and leaves them out of its output.)
      const listed = JSON.parse(devices.stdout) as { MFADevices: Array<Record<string, string>> };
      expect(listed.MFADevices.map((d) => [d.UserName, d.SerialNumber])).toEqual([
        ['alice', SERIALS.alicePhone],
        ['alice', SERIALS.aliceYubikey],
      ]);
      // The CLI parsed EnableDate as a timestamp and printed it back as one.
      for (const d of listed.MFADevices) expect(Number.isNaN(Date.parse(d.EnableDate ?? ''))).toBe(false);
      expect(session.code, session.stderr).toBe(0);
      const credentials = JSON.parse(session.stdout).Credentials as Record<string, string>;
      expect(credentials.AccessKeyId).toMatch(/^ASIA/);
      expect(Number.isNaN(Date.parse(credentials.Expiration ?? ''))).toBe(false);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'resync-mfa-device with the phone codes fixes the drift',
    async () => {
      expect(await signInAccepted(sb.url, SERIALS.alicePhone)).toBe(false);
      const { codes } = await phone(sb.url, SERIALS.alicePhone);
      const result = await aws(keysOf('alice'), ...resyncArgs('alice', SERIALS.alicePhone, codes[0], codes[1]));
      expect(result).toMatchObject({ code: 0, stdout: '' });
      expect(await signInAccepted(sb.url, SERIALS.alicePhone)).toBe(true);
    },
    CLI_TIMEOUT_MS,
  );

  it(
    'IAM and STS errors reach the CLI as service errors with their code and message',
    async () => {
      await controlPost(sb.url, 'inject', { action: 'ListMFADevices', code: 'ServiceFailure' });
      const [wrongCodes, noDevice, denied, failed, expired, unknownKey] = await Promise.all([
        aws(keysOf('bob'), ...resyncArgs('bob', SERIALS.bobTablet, '111111', '222222')),
        aws(keysOf('bob'), ...resyncArgs('bob', 'arn:aws:iam::123456789012:mfa/gone', '111111', '222222')),
        aws(keysOf('bob'), ...resyncArgs('alice', SERIALS.alicePhone, '111111', '222222')),
        aws(keysOf('carol-admin'), 'iam', 'list-mfa-devices', '--user-name', 'dave'),
        aws(seededSessionOf('ASIASANDBOXEXPIRED06'), 'sts', 'get-caller-identity'),
        aws({ ...keysOf('alice'), accessKeyId: 'AKIASANDBOXUNKNOWN99' }, 'sts', 'get-caller-identity'),
      ]);
      expect(wrongCodes).toEqual(
        serviceError('InvalidAuthenticationCode', 'ResyncMFADevice', 'Authentication code for device is not valid.'),
      );
      expect(noDevice).toEqual(serviceError('NoSuchEntity', 'ResyncMFADevice', 'MFA Device with serial number'));
      expect(denied).toEqual(
        serviceError('AccessDenied', 'ResyncMFADevice', 'User: arn:aws:iam::123456789012:user/bob is not authorized'),
      );
      expect(failed).toEqual(serviceError('ServiceFailure', 'ListMFADevices', 'An unknown error occurred'));
      expect(expired).toEqual(serviceError('ExpiredToken', 'GetCallerIdentity', 'The security token included'));
      expect(unknownKey).toEqual(serviceError('InvalidClientTokenId', 'GetCallerIdentity', 'The security token'));
    },
    CLI_TIMEOUT_MS,
  );
});
