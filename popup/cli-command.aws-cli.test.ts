// The copied "Copy as AWS CLI" command, argument for argument, through the real AWS CLI (botocore's
// own SigV4 and Query protocol) against the sandbox. Skipped only when no `aws` is installed.
import { execFile } from 'node:child_process';
import { accessSync, constants, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  awsCliEnv,
  controlPost,
  keysOf,
  phone,
  SERIALS,
  signInAccepted,
  startTestSandbox,
  type TestSandbox,
} from '../e2e/sandbox/sandbox-test-kit';
import { cliArguments } from './cli-command';

const run = promisify(execFile);

/**
 * Every distinct AWS CLI here: Debian's v2 at /usr/bin/aws, and whatever `aws` PATH finds (a pyenv
 * shim may put a v1 first). The command must work in both major versions.
 */
function installedAwsClis(): string[] {
  const candidates = ['/usr/bin/aws', ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'aws'))];
  const found = new Map<string, string>();
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      const real = realpathSync(path);
      if (![...found.values()].includes(real)) found.set(path, real);
    } catch {
      // not installed there
    }
  }
  return [...found.keys()];
}
const CLIS = installedAwsClis();

let sb: TestSandbox;
beforeAll(async () => {
  if (CLIS.length > 0) sb = await startTestSandbox();
});
afterAll(async () => {
  if (CLIS.length > 0) await sb.close();
});

/** A profile region the extension would never sign with: only the command's own --region can make it work. */
const WRONG_REGION = 'eu-west-1';

async function aws(cli: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...awsCliEnv(keysOf('alice')), AWS_DEFAULT_REGION: WRONG_REGION };
  try {
    const { stdout, stderr } = await run(cli, [...args, '--output', 'json'], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe.skipIf(CLIS.length === 0)('Copy as AWS CLI, run by the real AWS CLI', () => {
  it.each(CLIS)(
    '%s: the copied command reaches the endpoint the extension calls, signed as it signs, and resyncs',
    async (cli) => {
      await controlPost(sb.url, 'reset');
      const { codes } = await phone(sb.url, SERIALS.alicePhone);
      const input = {
        userName: 'alice',
        serialNumber: SERIALS.alicePhone,
        code1: codes[0],
        code2: codes[1],
        endpoint: { partition: 'aws' as const, override: sb.url },
        includeCodes: true,
      };
      const args = cliArguments(input);
      expect(args).toEqual(expect.arrayContaining(['--endpoint-url', sb.url, '--region', 'us-east-1']));

      // Without the command's --region the CLI signs with the profile's region, which IAM refuses.
      const regionAt = args.indexOf('--region');
      const withoutRegion = [...args.slice(0, regionAt), ...args.slice(regionAt + 2)];
      const refused = await aws(cli, withoutRegion);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('SignatureDoesNotMatch');
      expect(await signInAccepted(sb.url, SERIALS.alicePhone)).toBe(false);

      const result = await aws(cli, args);
      expect(result).toMatchObject({ code: 0, stdout: '' });
      expect(await signInAccepted(sb.url, SERIALS.alicePhone)).toBe(true);
    },
    // Two starts of a Python CLI (~0.7 s each here when idle, several seconds on a loaded 2-core
    // machine): vitest's 5 s default timed it out under load, and the timed-out run then resynced
    // behind the next CLI's test.
    30_000,
  );
});
