// Steering the sandbox from a test: reset its world, inject a fault, read its call log, and wait
// for something to happen. Plain HTTP to the control API (/__sandbox/…), no browser involved.
import type { CallRecord } from '../sandbox/sandbox-state';
import { sandboxCalls } from './sandbox-client';

/** One entry of the sandbox's call log (/__sandbox/calls), with every field the sandbox records. */
export type LoggedCall = CallRecord;
const loggedCalls = async (baseUrl: string) => (await sandboxCalls(baseUrl)) as unknown as LoggedCall[];

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns something other than undefined/false; fails with `what`. */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 10_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`,
      );
    }
    await sleep(intervalMs);
  }
}

// ---- sandbox control -------------------------------------------------------------------------

export interface FaultSpec {
  action?: string;
  status?: number;
  code?: string;
  message?: string;
  latencyMs?: number;
  times?: number;
  dateSkewSeconds?: number;
  resetConnection?: boolean;
}

async function postControl(baseUrl: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}/__sandbox/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** Fresh seed, empty call log, no pending faults. */
export async function resetSandbox(baseUrl: string): Promise<void> {
  await postControl(baseUrl, 'reset', {});
}

export async function injectFault(baseUrl: string, spec: FaultSpec): Promise<void> {
  await postControl(baseUrl, 'inject', spec);
}

export async function pendingFaultCount(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/__sandbox/state`);
  const state = (await response.json()) as { pendingFaults: unknown[] };
  return state.pendingFaults.length;
}

/**
 * Resolves once the sandbox has taken the pending fault, i.e. the faulted request has reached it
 * (faults are consumed on arrival, before an injected delay). With a latency fault this is the
 * moment a request is provably in flight.
 */
export async function waitForFaultTaken(baseUrl: string, timeoutMs = 10_000): Promise<void> {
  await waitUntil(
    'the sandbox to receive the faulted request',
    async () => (await pendingFaultCount(baseUrl)) === 0,
    timeoutMs,
    25,
  );
}

export async function callsOf(baseUrl: string, action: string): Promise<LoggedCall[]> {
  return (await loggedCalls(baseUrl)).filter((call) => call.action === action);
}

/** Marks the sandbox's call log now; the returned function lists the calls made since the mark. */
export async function markCalls(baseUrl: string): Promise<(action?: string) => Promise<LoggedCall[]>> {
  const seen = (await loggedCalls(baseUrl)).length;
  return async (action) =>
    (await loggedCalls(baseUrl)).slice(seen).filter((call) => action === undefined || call.action === action);
}
