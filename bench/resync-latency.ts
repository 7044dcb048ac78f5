/// <reference types="chrome" />
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { startSandbox } from '../e2e/sandbox/server';
import { seededSessionOf } from '../e2e/sandbox/seed';
import { hasAwsCli } from '../e2e/sandbox/sandbox-test-kit';
import { cliResync, rawResync, type ResyncParams } from './raw-clients';
import { summarize, type Summary } from './stats';

// Resync latency: the extension's whole path (message in → schema check → vault → attempt record
// → SDK client → SigV4 → fetch → XML → outcome record → reply) timed with performance.now() in
// an extension page around runtime.sendMessage, against one raw signed request from node and the
// AWS CLI, all against the same loopback sandbox in the same run.

/** carol-admin's seeded temporary credentials: `keepSession` keeps them after each success. */
const SESSION_KEY_ID = 'ASIASANDBOXCAROL0005';
export const RESYNC_TARGET = {
  userName: 'carol-admin',
  serialNumber: 'arn:aws:iam::123456789012:mfa/carol-phone',
} as const;
const TOTP_STEP_MS = 30_000;

export const sessionCredentials = () => seededSessionOf(SESSION_KEY_ID);

/** What a user would paste for these credentials (the bash export form). */
export function sessionPaste(): string {
  const c = sessionCredentials();
  return [
    `export AWS_ACCESS_KEY_ID=${c.accessKeyId}`,
    `export AWS_SECRET_ACCESS_KEY=${c.secretAccessKey}`,
    `export AWS_SESSION_TOKEN=${c.sessionToken}`,
  ].join('\n');
}

export interface BenchSandbox {
  url: string;
  /** What the phone shows `steps` × 30 s from now: real codes of a device that drifted ahead. */
  codesAhead(steps: number): Promise<[string, string]>;
  close(): Promise<void>;
}

/**
 * Every resync needs a fresh code pair (the extension refuses a pair it already sent, as it
 * should). Asking the control API's phone at a later sandbox time gives a new real pair each
 * time; the clock is back at real time before any AWS request, so nothing is signed with skew,
 * and the sandbox finds the pair within its ±2 h resync window like IAM finds a drifted device.
 */
export async function startBenchSandbox(): Promise<BenchSandbox> {
  let offsetMs = 0;
  const sandbox = await startSandbox({ port: 0, now: () => Date.now() + offsetMs });
  return {
    url: sandbox.url,
    close: () => sandbox.close(),
    codesAhead: async (steps) => {
      offsetMs = steps * TOTP_STEP_MS;
      try {
        const response = await fetch(
          `${sandbox.url}/__sandbox/phone?serial=${encodeURIComponent(RESYNC_TARGET.serialNumber)}`,
        );
        const body = (await response.json()) as { codes: [string, string] };
        return body.codes;
      } finally {
        offsetMs = 0;
      }
    },
  };
}

/** One message from an extension page, timed in the page (no automation round trip inside). */
export function timedMessage(page: Page, message: Record<string, unknown>): Promise<{ ms: number; reply: unknown }> {
  return page.evaluate(async (request) => {
    const started = performance.now();
    const reply: unknown = await chrome.runtime.sendMessage(request);
    return { ms: performance.now() - started, reply };
  }, message);
}

const succeeded = (reply: unknown): boolean => {
  const r = reply as { ok?: boolean; value?: { status?: string } } | null;
  return r?.ok === true && r.value?.status === 'succeeded';
};

export interface ResyncLatencyResult {
  extension: Summary;
  raw: Summary;
  /** median(extension) − median(raw) */
  overheadMs: number;
  /** `vault/status`: runtime messaging + storage reads, no network; the floor of any request. */
  messageRoundTrip: Summary;
  cli?: Summary;
  /** median(cli) / median(extension) */
  cliRatio?: number;
  cliSkipped?: string;
  failures: string[];
}

export async function measureResyncLatency(
  page: Page,
  sandbox: BenchSandbox,
  n: number,
  cliRuns: number,
): Promise<ResyncLatencyResult> {
  const failures: string[] = [];
  const credentials = sessionCredentials();
  let step = 0;
  const params = async (): Promise<ResyncParams> => {
    const [code1, code2] = await sandbox.codesAhead(++step);
    return { ...RESYNC_TARGET, code1, code2 };
  };
  const viaExtension = async (): Promise<number> => {
    const p = await params();
    const { ms, reply } = await timedMessage(page, {
      type: 'resync/start',
      attemptId: randomUUID(),
      ...p,
      keepSession: true,
    });
    if (!succeeded(reply)) failures.push(`extension: ${JSON.stringify(reply).slice(0, 200)}`);
    return ms;
  };
  const viaRaw = async (): Promise<number> => {
    const p = await params();
    const started = performance.now();
    const status = await rawResync(sandbox.url, credentials, p);
    const ms = performance.now() - started;
    if (status !== 200) failures.push(`raw: HTTP ${status}`);
    return ms;
  };

  // One unmeasured call each: the first SDK call in the worker and node's first connection.
  await viaExtension();
  await viaRaw();
  const extension: number[] = [];
  const raw: number[] = [];
  const roundTrips: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      extension.push(await viaExtension());
      raw.push(await viaRaw());
    } else {
      raw.push(await viaRaw());
      extension.push(await viaExtension());
    }
    roundTrips.push((await timedMessage(page, { type: 'vault/status' })).ms);
  }

  const result: ResyncLatencyResult = {
    extension: summarize(extension),
    raw: summarize(raw),
    overheadMs: summarize(extension).median - summarize(raw).median,
    messageRoundTrip: summarize(roundTrips),
    failures,
  };
  if (!hasAwsCli()) return { ...result, cliSkipped: '`aws` is not on PATH' };
  const cli: number[] = [];
  for (let i = 0; i < cliRuns; i++) {
    const p = await params();
    const started = performance.now();
    const run = await cliResync(sandbox.url, credentials, p);
    cli.push(performance.now() - started);
    if (run.exitCode !== 0) failures.push(`aws cli: exit ${run.exitCode}: ${run.stderr.trim().slice(0, 200)}`);
  }
  const cliSummary = summarize(cli);
  return { ...result, cli: cliSummary, cliRatio: cliSummary.median / result.extension.median };
}
