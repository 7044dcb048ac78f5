// The AWS CLI (botocore's own SigV4 and Query-protocol code) against the sandbox via --endpoint-url.
// Skipped when `aws` is not installed.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  awsCliEnv,
  hasAwsCli,
  keysOf,
  phone,
  SERIALS,
  signInAccepted,
  startTestSandbox,
  type TestSandbox,
} from './sandbox-test-kit';

const run = promisify(execFile);
const cliInstalled = hasAwsCli();

let sb: TestSandbox;
beforeAll(async () => {
  if (cliInstalled) sb = await startTestSandbox();
});
afterAll(async () => {
  if (cliInstalled) await sb.close();
});

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `aws …` as `userName` with nothing from the machine's own AWS config leaking in. */
async function aws(userName: string, ...args: string[]): Promise<CliResult> {
  const keys = keysOf(userName);
  const env = awsCliEnv(keys);
  try {
    const { stdout, stderr } = await run('aws', [...args, '--endpoint-url', sb.url, '--output', 'json'], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe.skipIf(!cliInstalled)('aws CLI against the sandbox', () => {
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
