// Starts the IAM/STS sandbox on loopback: one node http server for both services, the AWS Query
// endpoint at any path except the /__sandbox/ control API.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleAwsRequest } from './aws-handler';
import { CONTROL_PREFIX, handleControlRequest } from './control-api';
import { answerPreflight, sendJson } from './http-responses';
import { createRuntime, type SandboxRuntime } from './sandbox-runtime';

export interface SandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1; the sandbox holds fake credentials but should still not face a network. */
  host?: string;
  /** The sandbox clock in ms; tests freeze or shift it. Defaults to Date.now. */
  now?: () => number;
}

export interface RunningSandbox {
  url: string;
  port: number;
  close(): Promise<void>;
}

async function route(req: IncomingMessage, res: ServerResponse, runtime: SandboxRuntime): Promise<void> {
  if (req.method === 'OPTIONS') return answerPreflight(req, res, runtime.now());
  if ((req.url ?? '').startsWith(CONTROL_PREFIX)) return handleControlRequest(req, res, runtime);
  return handleAwsRequest(req, res, runtime);
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<RunningSandbox> {
  const runtime = createRuntime(opts.now ?? Date.now);
  const server = createServer((req, res) => {
    route(req, res, runtime).catch((error: unknown) => {
      console.error('[sandbox] request failed', error);
      if (!res.headersSent) sendJson(res, 500, { error: 'sandbox internal error' }, runtime.now());
      else res.destroy();
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // SDK clients keep connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
