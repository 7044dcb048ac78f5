// JSON endpoints under /__sandbox/ that let tests and the demo look inside the sandbox (what a phone
// shows, whether sign-in would work, the call log) and steer it (inject faults, reset). No SigV4.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultSpecError, parseFaultSpec } from './faults';
import { sendJson } from './http-responses';
import { readBody, splitTarget } from './query-protocol/request-params';
import { resetRuntime, type SandboxRuntime } from './sandbox-runtime';
import type { MfaDevice } from './sandbox-state';
import { acceptsSignInCode, phoneView, stepAt } from './totp-devices';

export const CONTROL_PREFIX = '/__sandbox/';

type Route = (ctx: {
  req: IncomingMessage;
  query: URLSearchParams;
  runtime: SandboxRuntime;
}) => Promise<[number, unknown]>;

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function deviceFromQuery(query: URLSearchParams, runtime: SandboxRuntime): MfaDevice {
  const serial = query.get('serial');
  if (!serial) throw new ControlError(400, 'query parameter "serial" is required');
  const device = runtime.state.devices.get(serial);
  if (!device) throw new ControlError(404, `no device with serial ${serial}`);
  return device;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = (await readBody(req)).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ControlError(400, 'body is not valid JSON');
  }
}

const routes: Record<string, { method: 'GET' | 'POST'; run: Route }> = {
  phone: {
    method: 'GET',
    run: async ({ query, runtime }) => {
      const view = phoneView(deviceFromQuery(query, runtime), runtime.now());
      if (!view) throw new ControlError(400, 'a FIDO security key shows no codes');
      return [200, view];
    },
  },
  'signin-check': {
    method: 'GET',
    run: async ({ query, runtime }) => {
      const device = deviceFromQuery(query, runtime);
      const nowMs = runtime.now();
      // Default: the code on the phone right now; `code=` checks any other code instead.
      const code = query.get('code') ?? phoneView(device, nowMs)?.codes[0];
      if (code === undefined) throw new ControlError(400, 'a FIDO security key shows no codes');
      return [200, { serial: device.serial, code, accepted: acceptsSignInCode(device, code, nowMs) }];
    },
  },
  state: {
    method: 'GET',
    run: async ({ runtime }) => [200, describeState(runtime)],
  },
  calls: {
    method: 'GET',
    run: async ({ runtime }) => [200, runtime.state.calls],
  },
  inject: {
    method: 'POST',
    run: async ({ req, runtime }) => {
      try {
        const rule = parseFaultSpec(await readJson(req));
        runtime.faults.add(rule);
        return [200, { injected: rule, pending: runtime.faults.pending().length }];
      } catch (error) {
        if (error instanceof FaultSpecError) throw new ControlError(400, error.message);
        throw error;
      }
    },
  },
  reset: {
    method: 'POST',
    run: async ({ runtime }) => {
      resetRuntime(runtime);
      return [200, { reset: true }];
    },
  },
};

function describeState(runtime: SandboxRuntime): unknown {
  const { state } = runtime;
  const nowMs = runtime.now();
  const keysOf = (userName: string) =>
    [...state.longTermKeys.values()].filter((k) => k.userName === userName).map((k) => k.accessKeyId);
  return {
    accountId: state.accountId,
    now: new Date(nowMs).toISOString(),
    step: stepAt(nowMs),
    users: [...state.users.values()].map((u) => ({ ...u, accessKeyIds: keysOf(u.userName) })),
    devices: [...state.devices.values()].map(({ base32Secret: _secret, ...d }) => ({
      ...d,
      // The sign-in window is ±1 step around where the server expects the device.
      inSync: d.kind !== 'fido' && Math.abs(d.drift - d.offset) <= 1,
    })),
    sessions: [...state.sessions.values()].map((s) => ({
      accessKeyId: s.accessKeyId,
      userName: s.userName,
      expiration: new Date(s.expiresAtMs).toISOString(),
      expired: s.expiresAtMs <= nowMs,
      mfaAuthenticated: s.mfaAuthenticated,
    })),
    pendingFaults: runtime.faults.pending(),
  };
}

export async function handleControlRequest(
  req: IncomingMessage,
  res: ServerResponse,
  runtime: SandboxRuntime,
): Promise<void> {
  const { rawPath, rawQuery } = splitTarget(req.url ?? '/');
  const route = routes[rawPath.slice(CONTROL_PREFIX.length)];
  try {
    if (!route) throw new ControlError(404, `unknown control endpoint ${rawPath}`);
    if (req.method !== route.method) throw new ControlError(405, `use ${route.method} for ${rawPath}`);
    const [status, body] = await route.run({ req, query: new URLSearchParams(rawQuery), runtime });
    sendJson(res, status, body, runtime.now());
  } catch (error) {
    if (!(error instanceof ControlError)) throw error;
    sendJson(res, error.status, { error: error.message }, runtime.now());
  }
}
