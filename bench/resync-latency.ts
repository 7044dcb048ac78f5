/// <reference types="chrome" />
import { randomUUID } from 'node:crypto';
import type { ExtensionPage } from '../e2e/harness/driver';
import { bashExport, carolSession } from '../e2e/harness/paste-samples';
import { phoneCodes } from '../e2e/harness/sandbox-client';
import { hasAwsCli, SERIALS } from '../e2e/sandbox/sandbox-test-kit';
import { cliResync, rawResync, type ResyncParams } from './raw-clients';
import { summarize, type Summary } from './stats';

// Resync latency: the extension's whole path (message in → schema check → vault → attempt record
// → SDK client → SigV4 → fetch → XML → outcome record → reply) timed with performance.now() in
// an extension page around runtime.sendMessage, against one raw signed request from node and the
// AWS CLI, all against the same loopback sandbox in the same run. The identity is carol-admin's
// seeded session (MFA-authenticated, so IAM takes it): `keepSession` keeps it after each success.

export const RESYNC_TARGET = { userName: 'carol-admin', serialNumber: SERIALS.carolPhone } as const;
const TOTP_STEP_MS = 30_000;

/** What a user would paste for that session (the bash export form). */
export const sessionPaste = (): string => bashExport(carolSession(), 'none');

export interface BenchClock {
  /** The sandbox clock (startSandbox's `now`): real time, except inside codesAhead. */
  now(): number;
  /** What the phone shows `steps` × 30 s from now: real codes of a device that drifted ahead. */
  codesAhead(sandboxUrl: string, steps: number): Promise<[string, string]>;
}

/**
 * Every resync needs a fresh code pair (the extension refuses a pair it already sent, as it
 * should). Asking the control API's phone at a later sandbox time gives a new real pair each
 * time; the clock is back at real time before any AWS request, so nothing is signed with skew,
 * and the sandbox finds the pair within its ±2 h resync window like IAM finds a drifted device.
 */
export function benchClock(): BenchClock {
  let offsetMs = 0;
  return {
    now: () => Date.now() + offsetMs,
    codesAhead: async (sandboxUrl, steps) => {
      offsetMs = steps * TOTP_STEP_MS;
      try {
        return (await phoneCodes(sandboxUrl, RESYNC_TARGET.serialNumber)).codes;
      } finally {
        offsetMs = 0;
      }
    },
  };
}

/** One message from an extension page, timed in the page (no automation round trip inside). */
export function timedMessage(
  page: ExtensionPage,
  message: Record<string, unknown>,
): Promise<{ ms: number; reply: unknown }> {
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
  page: ExtensionPage,
  sandbox: { url: string; clock: BenchClock },
  n: number,
  cliRuns: number,
): Promise<ResyncLatencyResult> {
  const failures: string[] = [];
  const credentials = carolSession();
  let step = 0;
  const params = async (): Promise<ResyncParams> => {
    // Two steps on each time: a resync spends both of its codes, so a pair that begins with the
    // last pair's second code is refused (InvalidAuthenticationCode), as IAM refuses a spent code.
    step += 2;
    const [code1, code2] = await sandbox.clock.codesAhead(sandbox.url, step);
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
