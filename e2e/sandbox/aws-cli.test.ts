// The AWS CLI (botocore's own SigV4 and Query-protocol code) against the sandbox via --endpoint-url.
// Skipped when `aws` is not installed.
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysOf, phone, SERIALS, signInAccepted, startTestSandbox, type TestSandbox } from './sandbox-test-kit';

const run = promisify(execFile);
/** A PATH lookup rather than `aws --version`: starting the CLI costs ~0.5 s of CPU each time. */
function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
const hasAwsCli = onPath('aws');

let sb: TestSandbox;
beforeAll(async () => {
  if (hasAwsCli) sb = await startTestSandbox();
});
afterAll(async () => {
  if (hasAwsCli) await sb.close();
});

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `aws …` as `userName` with nothing from the machine's own AWS config leaking in. */
async function aws(userName: string, ...args: string[]): Promise<CliResult> {
  const keys = keysOf(userName);
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    AWS_ACCESS_KEY_ID: keys.accessKeyId,
    AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '1',
    AWS_PAGER: '',
  };
  try {
    const { stdout, stderr } = await run('aws', [...args, '--endpoint-url', sb.url, '--output', 'json'], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe.skipIf(!hasAwsCli)('aws CLI against the sandbox', () => {
  it('get-caller-identity, an IAM error, and get-session-token with MFA', async () => {
    const bobCodes = (await phone(sb.url, SERIALS.bobPhone)).codes;
    const [identity, rejected, session] = await Promise.all([
      aws('alice', 'sts', 'get-caller-identity'),
      aws(
        'bob',
        'iam',
        'resync-mfa-device',
        '--user-name',
        'bob',
        '--serial-number',
        SERIALS.bobTablet,
        '--authentication-code-1',
        '111111',
        '--authentication-code-2',
        '222222',
      ),
      aws('bob', 'sts', 'get-session-token', '--serial-number', SERIALS.bobPhone, '--token-code', bobCodes[0]),
    ]);
    expect(identity.code).toBe(0);
    expect(JSON.parse(identity.stdout)).toEqual({
      UserId: 'AIDASANDBOXALICE00001',
      Account: '123456789012',
      Arn: 'arn:aws:iam::123456789012:user/alice',
    });
    expect(rejected.code).not.toBe(0);
    expect(rejected.stderr).toContain(
      'An error occurred (InvalidAuthenticationCode) when calling the ResyncMFADevice operation: Authentication code for device is not valid.',
    );
    expect(session.code).toBe(0);
    expect(JSON.parse(session.stdout).Credentials.AccessKeyId).toMatch(/^ASIA/);
  });

  it('resync-mfa-device with the phone codes fixes the drift', async () => {
    expect(await signInAccepted(sb.url, SERIALS.alicePhone)).toBe(false);
    const { codes } = await phone(sb.url, SERIALS.alicePhone);
    const result = await aws(
      'alice',
      'iam',
      'resync-mfa-device',
      '--user-name',
      'alice',
      '--serial-number',
      SERIALS.alicePhone,
      '--authentication-code-1',
      codes[0],
      '--authentication-code-2',
      codes[1],
    );
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(await signInAccepted(sb.url, SERIALS.alicePhone)).toBe(true);
  });
});
