import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { ROOT } from './paths';

// Serves e2e/fixtures/signin/ over HTTPS under the real AWS sign-in hostnames, so the built
// extension's real content_scripts match patterns decide whether the script is injected. The
// browsers are pointed here per hostname: Chromium maps names to this port with
// --host-resolver-rules; Firefox cannot map a port, so it sends those names (only those) through
// this server's CONNECT proxy, chosen by a PAC script. The certificate is self-signed, made for
// this run and never written anywhere but a temp dir that is deleted at once.

export const FIXTURES_DIR = resolve(ROOT, 'e2e', 'fixtures', 'signin');

/** Sign-in hosts of every partition (an account subdomain stands in for the wildcard), plus a
 * non-sign-in host that serves the same pages: the content script must not run there. */
export const FIXTURE_HOSTS = [
  'signin.aws.amazon.com',
  '123456789012.signin.aws.amazon.com',
  'signin.amazonaws-us-gov.com',
  'example-corp.signin.amazonaws-us-gov.com',
  'signin.amazonaws.cn',
  '123456789012.signin.amazonaws.cn',
  'example.com',
] as const;

// Strict for styles on purpose: the fixtures' scripts are inline (they stand in for the page's
// own code) but their styles come from a file, so the extension's prompt must render without any
// 'unsafe-inline' style permission from the page, as on a locked-down live page.
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self'; img-src 'self' data:; form-action 'self'";

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

export interface SigninFixtureServer {
  /** The HTTPS port (what every mapped hostname resolves to). */
  readonly port: number;
  /** `https://host/path` as the browser sees it (port 443, mapped here). */
  url(host: (typeof FIXTURE_HOSTS)[number], path: string): string;
  /** The same pages on 127.0.0.1 with the real port: a host no match pattern covers. */
  loopbackUrl(path: string): string;
  /** Chromium `--host-resolver-rules` value mapping every fixture host to this server. */
  readonly chromiumHostResolverRules: string;
  /** Firefox prefs: a PAC script that proxies only the fixture hosts through this server. */
  readonly firefoxPrefs: Record<string, string | number | boolean>;
  close(): Promise<void>;
}

/** A throwaway self-signed certificate for the fixture hosts, made with the openssl CLI. */
function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'mfa-e2e-cert-'));
  try {
    const altNames = [...FIXTURE_HOSTS, '*.signin.aws.amazon.com'].map((h) => `DNS:${h}`).join(',');
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    const fixed = 'req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=mfa-e2e'.split(
      ' ',
    );
    const subjectAltName = `subjectAltName=${altNames},IP:127.0.0.1`;
    execFileSync('openssl', [...fixed, '-keyout', key, '-out', cert, '-addext', subjectAltName], { stdio: 'pipe' });
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } catch (error) {
    throw new Error(`could not make a test certificate with openssl (apt-get install -y openssl): ${String(error)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The fixture file for a URL path, or undefined when it would leave the fixtures folder. */
function fixtureFile(pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const file = resolve(FIXTURES_DIR, `.${decoded}`);
  return file.startsWith(FIXTURES_DIR + sep) ? file : undefined;
}

function listen(server: HttpServer | HttpsServer): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port));
  });
}

function closeServer(server: HttpServer | HttpsServer): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}

const HEADERS = { 'cache-control': 'no-store', 'content-security-policy': CONTENT_SECURITY_POLICY };

/**
 * A code posted to a fixture is answered the way a classic sign-in page does it: with the fixture
 * itself (200; its URL tells it to show the error), or with `?then=redirect` a 303 to the same URL
 * (the browser GETs the page showing the error). The posted body is read and dropped: nothing
 * typed is kept.
 */
function answerPost(request: IncomingMessage, response: ServerResponse, url: URL): void {
  request.resume();
  if (url.searchParams.get('then') === 'redirect') {
    response.writeHead(303, { ...HEADERS, location: `${url.pathname}${url.search}` }).end();
    return;
  }
  serveFixture(url, response);
}

function serveFixture(url: URL, response: ServerResponse): void {
  const file = fixtureFile(url.pathname);
  const type = CONTENT_TYPES[extname(file ?? '')];
  if (!file || !type) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not a fixture');
    return;
  }
  readFile(file).then(
    (body) => response.writeHead(200, { ...HEADERS, 'content-type': type }).end(body),
    () => response.writeHead(404, { 'content-type': 'text/plain' }).end('not a fixture'),
  );
}

export async function startSigninFixtureServer(): Promise<SigninFixtureServer> {
  const https = createHttpsServer(makeCertificate(), (request, response) => {
    const url = new URL(request.url ?? '/', `https://${request.headers.host ?? 'unknown'}`);
    if (request.method === 'POST') return answerPost(request, response, url);
    if (request.method !== 'GET')
      return void response.writeHead(404, { 'content-type': 'text/plain' }).end('not a fixture');
    serveFixture(url, response);
  });
  const port = await listen(https);

  // The CONNECT proxy only tunnels to the fixture hosts, into the HTTPS server above; anything
  // else is refused, so no request of the browser under test can leave the machine through it.
  const proxy = createHttpServer((_request, response) => response.writeHead(403).end());
  proxy.on('connect', (request, socket: Socket, head: Buffer) => {
    const host = (request.url ?? '').replace(/:443$/, '').toLowerCase();
    if (!(FIXTURE_HOSTS as readonly string[]).includes(host) && !host.endsWith('.signin.aws.amazon.com')) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.unshift(head);
    https.emit('connection', socket);
  });
  const proxyPort = await listen(proxy);

  const pac = [
    'function FindProxyForURL(url, host) {',
    `  if (${JSON.stringify(FIXTURE_HOSTS)}.indexOf(host) >= 0 || dnsDomainIs(host, ".signin.aws.amazon.com"))`,
    `    return "PROXY 127.0.0.1:${proxyPort}";`,
    '  return "DIRECT";',
    '}',
  ].join('\n');
  const hostRules = [...FIXTURE_HOSTS, '*.signin.aws.amazon.com'].map((h) => `MAP ${h} 127.0.0.1:${port}`);

  return {
    port,
    url: (host, path) => `https://${host}${path.startsWith('/') ? path : `/${path}`}`,
    loopbackUrl: (path) => `https://127.0.0.1:${port}${path.startsWith('/') ? path : `/${path}`}`,
    chromiumHostResolverRules: hostRules.join(','),
    firefoxPrefs: {
      'network.proxy.type': 2,
      'network.proxy.autoconfig_url': `data:application/x-ns-proxy-autoconfig;base64,${Buffer.from(pac).toString('base64')}`,
      // The PAC answer is final: never fall back to a direct connection to the real AWS host.
      'network.proxy.failover_direct': false,
    },
    close: async () => {
      await Promise.all([closeServer(proxy), closeServer(https)]);
    },
  };
}
