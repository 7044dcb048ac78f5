import { execFile } from 'node:child_process';
import type { AwsCredentialIdentity } from '@smithy/types';
import { awsCliEnv, awsCliPath, form, signAndSend } from '../e2e/sandbox/sandbox-test-kit';

// The two baselines the extension's resync is compared with: the smallest correct client (one
// SigV4-signed Query request from node) and the AWS CLI, which users would otherwise run.

export interface ResyncParams {
  userName: string;
  serialNumber: string;
  code1: string;
  code2: string;
}

/**
 * Signs and sends one ResyncMFADevice request; resolves with the HTTP status. Signing is inside
 * the timed call on purpose: the extension signs too.
 */
export async function rawResync(
  endpoint: string,
  credentials: AwsCredentialIdentity,
  params: ResyncParams,
): Promise<number> {
  const body = form({
    Action: 'ResyncMFADevice',
    Version: '2010-05-08',
    UserName: params.userName,
    SerialNumber: params.serialNumber,
    AuthenticationCode1: params.code1,
    AuthenticationCode2: params.code2,
  });
  const response = await signAndSend(endpoint, { body, credentials });
  await response.text();
  return response.status;
}

/** Runs `aws iam resync-mfa-device` with only these credentials (no config from the machine). */
export function cliResync(
  endpoint: string,
  credentials: AwsCredentialIdentity,
  params: ResyncParams,
): Promise<{ exitCode: number; stderr: string }> {
  const env = awsCliEnv(credentials);
  const args = [
    'iam',
    'resync-mfa-device',
    '--user-name',
    params.userName,
    '--serial-number',
    params.serialNumber,
    '--authentication-code1',
    params.code1,
    '--authentication-code2',
    params.code2,
    '--endpoint-url',
    endpoint,
    '--output',
    'json',
  ];
  return new Promise((done) => {
    execFile(awsCliPath() ?? 'aws', args, { env }, (error, _stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ exitCode: code, stderr: String(stderr) });
    });
  });
}
