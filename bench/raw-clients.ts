import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { delimiter, join } from 'node:path';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, Checksum, HttpRequest, SourceData } from '@smithy/types';

// The two baselines the extension's resync is compared with: the smallest correct client (one
// SigV4-signed Query request from node) and the AWS CLI, which users would otherwise run.

export interface ResyncParams {
  userName: string;
  serialNumber: string;
  code1: string;
  code2: string;
}

/** node:crypto behind the signer's Checksum interface (HMAC when constructed with a secret). */
class NodeSha256 implements Checksum {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    if (this.secret === undefined) return createHash('sha256');
    const key = typeof this.secret === 'string' ? this.secret : Buffer.from(this.secret as Uint8Array);
    return createHmac('sha256', key);
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return this.hash.digest();
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

/** Strict RFC 3986 form encoding, as SigV4 and the Query protocol expect. */
function form(params: Record<string, string>): string {
  const enc = (s: string) =>
    encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return Object.entries(params)
    .map(([k, v]) => `${enc(k)}=${enc(v)}`)
    .join('&');
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
  const { hostname, port } = new URL(endpoint);
  const body = form({
    Action: 'ResyncMFADevice',
    Version: '2010-05-08',
    UserName: params.userName,
    SerialNumber: params.serialNumber,
    AuthenticationCode1: params.code1,
    AuthenticationCode2: params.code2,
  });
  const request: HttpRequest = {
    method: 'POST',
    protocol: 'http:',
    hostname,
    port: Number(port),
    path: '/',
    query: {},
    headers: { host: `${hostname}:${port}`, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  };
  const signer = new SignatureV4({ credentials, region: 'us-east-1', service: 'iam', sha256: NodeSha256 });
  const signed = await signer.sign(request);
  // fetch sets Host itself (same value); passing it is not allowed.
  const headers = Object.fromEntries(Object.entries(signed.headers).filter(([name]) => name.toLowerCase() !== 'host'));
  const response = await fetch(`${endpoint}/`, { method: 'POST', headers, body });
  await response.text();
  return response.status;
}

/** A PATH lookup rather than `aws --version`: starting the CLI costs about a second of CPU. */
export function hasAwsCli(): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, 'aws'), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Runs `aws iam resync-mfa-device` with only these credentials (no config from the machine). */
export function cliResync(
  endpoint: string,
  credentials: AwsCredentialIdentity,
  params: ResyncParams,
): Promise<{ exitCode: number; stderr: string }> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    ...(credentials.sessionToken ? { AWS_SESSION_TOKEN: credentials.sessionToken } : {}),
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '1',
    AWS_PAGER: '',
  };
  const args = [
    'iam',
    'resync-mfa-device',
    '--user-name',
    params.userName,
    '--serial-number',
    params.serialNumber,
    '--authentication-code-1',
    params.code1,
    '--authentication-code-2',
    params.code2,
    '--endpoint-url',
    endpoint,
    '--output',
    'json',
  ];
  return new Promise((done) => {
    execFile('aws', args, { env }, (error, _stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ exitCode: code, stderr: String(stderr) });
    });
  });
}
