// Shared helpers for the sandbox tests: a sandbox on a frozen clock, SDK clients per seeded identity,
// the control API, and raw requests signed by the SDK's own SigV4 signer (@smithy/signature-v4, an
// implementation independent of ours) so hand-built requests can be bent in ways the SDK never would.
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, Checksum, HttpRequest, SourceData } from '@smithy/types';
import { startSandbox } from './server';
import { seededKeysOf } from './seed';

// The SDK warns once per process that it will need node 22 in 2027; it is noise in test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export const SERIALS = {
  alicePhone: 'arn:aws:iam::123456789012:mfa/alice-phone',
  aliceYubikey: 'arn:aws:iam::123456789012:u2f/user/alice/yubikey-EXAMPLE1',
  bobPhone: 'arn:aws:iam::123456789012:mfa/bob-phone',
  bobTablet: 'arn:aws:iam::123456789012:mfa/bob-tablet',
  carolPhone: 'arn:aws:iam::123456789012:mfa/carol-phone',
  daveToken: 'GAHT12345678',
} as const;

export interface TestSandbox {
  url: string;
  /** The sandbox clock (ms); starts 5 s into a 30 s step near real time so codes stay put. */
  clock: { now: number };
  close(): Promise<void>;
}

export async function startTestSandbox(): Promise<TestSandbox> {
  const clock = { now: Math.floor(Date.now() / 30_000) * 30_000 + 5_000 };
  const sandbox = await startSandbox({ port: 0, now: () => clock.now });
  return { url: sandbox.url, clock, close: sandbox.close };
}

export function iamAs(url: string, credentials: AwsCredentialIdentity, maxAttempts = 1): IAMClient {
  return new IAMClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts });
}

export function stsAs(url: string, credentials: AwsCredentialIdentity, maxAttempts = 1): STSClient {
  return new STSClient({ endpoint: url, region: 'us-east-1', credentials, maxAttempts });
}

export const keysOf = seededKeysOf;

export interface CaughtSdkError {
  name: string;
  message: string;
  status: number | undefined;
}

/** The SDK error a call rejects with; fails the test if it resolves. */
export async function sdkError(promise: Promise<unknown>): Promise<CaughtSdkError> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail, it succeeded');
}

// ---- control API ----

export async function controlGet<T>(url: string, path: string): Promise<T> {
  const res = await fetch(`${url}/__sandbox/${path}`);
  if (!res.ok) throw new Error(`control ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function controlPost(url: string, path: string, body: unknown = {}): Promise<Response> {
  return fetch(`${url}/__sandbox/${path}`, { method: 'POST', body: JSON.stringify(body) });
}

export interface PhoneView {
  serial: string;
  step: number;
  codes: [string, string];
  secondsLeft: number;
}

export const phone = (url: string, serial: string) =>
  controlGet<PhoneView>(url, `phone?serial=${encodeURIComponent(serial)}`);

export const signInAccepted = async (url: string, serial: string): Promise<boolean> =>
  (await controlGet<{ accepted: boolean }>(url, `signin-check?serial=${encodeURIComponent(serial)}`)).accepted;

// ---- raw SigV4 requests ----

/** node:crypto behind the SDK's Checksum interface (HMAC when constructed with a secret). */
export class NodeSha256 implements Checksum {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(this.secret));
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

function toBuffer(data: SourceData): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

export interface RawRequest {
  method?: 'GET' | 'POST';
  /** Wire form of the path (already percent-encoded). */
  path?: string;
  query?: Record<string, string>;
  body?: string;
  headers?: Record<string, string>;
  credentials: AwsCredentialIdentity;
  service?: 'iam' | 'sts';
  region?: string;
  signingDate?: Date;
}

/** Builds and signs a request the way an SDK would, without sending it. */
export async function signRaw(url: string, req: RawRequest): Promise<HttpRequest> {
  const { hostname, port } = new URL(url);
  const body = req.body;
  const request: HttpRequest = {
    method: req.method ?? (body === undefined ? 'GET' : 'POST'),
    protocol: 'http:',
    hostname,
    port: Number(port),
    path: req.path ?? '/',
    query: req.query ?? {},
    headers: {
      host: `${hostname}:${port}`,
      ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }),
      ...req.headers,
    },
    ...(body === undefined ? {} : { body }),
  };
  const signer = new SignatureV4({
    credentials: req.credentials,
    region: req.region ?? 'us-east-1',
    service: req.service ?? 'iam',
    sha256: NodeSha256,
  });
  return signer.sign(request, { signingDate: req.signingDate ?? new Date() }) as Promise<HttpRequest>;
}

/** Strict RFC 3986 query encoding, the form SigV4 canonicalises to. */
export function encodeQuery(query: HttpRequest['query']): string {
  const enc = (s: string) =>
    encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return Object.entries(query ?? {})
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v ?? '']).map((one) => `${enc(k)}=${enc(String(one))}`))
    .join('&');
}

/** Sends a signed request, optionally replacing the body after signing (to prove tampering is caught). */
export async function sendRaw(url: string, signed: HttpRequest, overrideBody?: string): Promise<Response> {
  const headers = Object.fromEntries(Object.entries(signed.headers).filter(([name]) => name.toLowerCase() !== 'host'));
  const query = encodeQuery(signed.query);
  const body = overrideBody ?? (signed.body as string | undefined);
  return fetch(`${url}${signed.path}${query ? `?${query}` : ''}`, {
    method: signed.method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
}

export async function signAndSend(url: string, req: RawRequest): Promise<Response> {
  return sendRaw(url, await signRaw(url, req));
}

/** Pulls `<Tag>text</Tag>` values out of an XML answer (enough for these flat documents). */
export function xmlValue(xml: string, tag: string): string | undefined {
  return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
}

export const form = (params: Record<string, string>): string => encodeQuery(params);

/**
 * The environment for running the AWS CLI with exactly these credentials: nothing from the
 * machine's own config or instance metadata, no retries, no pager.
 */
export function awsCliEnv(credentials: AwsCredentialIdentity): Record<string, string> {
  return {
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
}

/**
 * The AWS CLI v2 to test with: Debian's `/usr/bin/aws` when installed (what .ci/run installs), else
 * the first `aws` on PATH. Debian's comes first on purpose: a pyenv or pip shim earlier on PATH is
 * often the v1 CLI, which parses with an older botocore. Found by file lookup, not by running it,
 * because starting the CLI costs about a second of CPU. Null when there is none.
 */
export function awsCliPath(): string | null {
  const candidates = [DEBIAN_AWS_CLI, ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'aws'))];
  return candidates.find(isExecutable) ?? null;
}

/** Whether an AWS CLI is installed (see awsCliPath). */
export function hasAwsCli(): boolean {
  return awsCliPath() !== null;
}

const DEBIAN_AWS_CLI = '/usr/bin/aws';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * For the tests that need a second, independent client (the AWS CLI, Debian's botocore): whether
 * it is here. Locally a missing client skips those tests; in CI (`CI=true`) it throws instead, so a
 * skipped conformance test can never pass a CI run unnoticed.
 */
export function secondClientAvailable(available: boolean, what: string): boolean {
  if (!available && process.env.CI === 'true') {
    throw new Error(`${what} is missing, and CI must run this test: install it (.ci/run does, from Debian)`);
  }
  return available;
}
