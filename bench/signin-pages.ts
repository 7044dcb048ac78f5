import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './builds';

// The pages the content-script overhead is measured on: the e2e sign-in fixtures served by the e2e
// fixture server under the real sign-in hostnames when both exist, else a minimal sign-in-like
// page served here the same way (the report says which). The fixture server is imported at run
// time and checked by shape, so the bench does not break to compile while it is being changed.

const PREFERRED_FIXTURES = ['legacy/iam-mfa.html', 'v2/mfa.html', 'legacy/root-mfa.html'];
const SIGNIN_HOST = 'signin.aws.amazon.com';
/** A host no content_scripts pattern matches: the script must not be injected there. */
const OTHER_HOST = 'example.com';

export interface SigninPages {
  source: 'e2e fixtures' | 'bench minimal page';
  pages: Array<{ name: string; signinUrl: string; otherUrl: string }>;
  hostResolverRules: string;
  close(): Promise<void>;
}

interface FixtureServerShape {
  url(host: string, path: string): string;
  chromiumHostResolverRules: string;
  close(): Promise<void>;
}

function isFixtureServer(value: unknown): value is FixtureServerShape {
  const v = value as Partial<FixtureServerShape> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.url === 'function' &&
    typeof v.chromiumHostResolverRules === 'string' &&
    typeof v.close === 'function'
  );
}

async function fromFixtures(): Promise<SigninPages | undefined> {
  const serverFile = resolve(ROOT, 'e2e', 'harness', 'signin-fixture-server.ts');
  const fixturesDir = resolve(ROOT, 'e2e', 'fixtures', 'signin');
  const names = PREFERRED_FIXTURES.filter((name) => existsSync(join(fixturesDir, name)));
  if (!existsSync(serverFile) || names.length === 0) return undefined;
  const module = (await import(pathToFileURL(serverFile).href)) as { startSigninFixtureServer?: unknown };
  if (typeof module.startSigninFixtureServer !== 'function') return undefined;
  const server: unknown = await (module.startSigninFixtureServer as () => Promise<unknown>)();
  if (!isFixtureServer(server)) return undefined;
  return {
    source: 'e2e fixtures',
    pages: names.map((name) => ({
      name,
      signinUrl: server.url(SIGNIN_HOST, `/${name}`),
      otherUrl: server.url(OTHER_HOST, `/${name}`),
    })),
    hostResolverRules: server.chromiumHostResolverRules,
    close: () => server.close(),
  };
}

/** The legacy IAM-user MFA step, reduced to the ids the content script looks for. */
const MINIMAL_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Amazon Web Services Sign-In</title></head>
<body><div id="main_message" hidden></div><form id="signin_form" method="post">
<p>Account <span id="mfa_account">123456789012</span>, IAM user <span id="mfa_username">alice</span></p>
<label for="mfacode">MFA code</label><input id="mfacode" name="mfacode" inputmode="numeric" autocomplete="off">
<button id="submitMfa_button" type="submit">Submit</button></form></body></html>`;

async function minimalPage(): Promise<SigninPages> {
  const dir = mkdtempSync(join(tmpdir(), 'mfa-bench-cert-'));
  let tls: { key: Buffer; cert: Buffer };
  try {
    // A throwaway self-signed certificate; Chromium is told to ignore certificate errors anyway.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=mfa-bench',
      ],
      { stdio: 'pipe' },
    );
    tls = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const server = createServer(tls, (_request, response) => {
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      .end(MINIMAL_PAGE);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    source: 'bench minimal page',
    pages: [{ name: 'minimal MFA step', signinUrl: `https://${SIGNIN_HOST}/`, otherUrl: `https://${OTHER_HOST}/` }],
    hostResolverRules: [SIGNIN_HOST, OTHER_HOST].map((h) => `MAP ${h} 127.0.0.1:${port}`).join(','),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export async function startSigninPages(): Promise<SigninPages> {
  try {
    const fixtures = await fromFixtures();
    if (fixtures) return fixtures;
  } catch (error) {
    console.warn(`bench: e2e sign-in fixture server unusable (${String(error)}); using a minimal page`);
  }
  return minimalPage();
}
