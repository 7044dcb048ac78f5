import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  missingBuilds,
  missingBuildsMessage,
  RELEASE_BUILDS,
  SANDBOX_BUILDS as SANDBOX_VARIANTS,
} from '../../build/built-extensions';

// The permissions review, as a test: manifest.json asks for exactly what docs/security.md lists and
// justifies (the table is parsed, so the two cannot drift), nothing lets a web page or another
// extension in, the extension pages' CSP allows no inline, eval'd or remote code, and the built
// bundles contain no eval / new Function. A missing build fails (build/built-extensions.ts) rather
// than passing by checking nothing.

const ROOT = resolve(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches: string[]; all_frames?: boolean }>;
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
}
const manifestAt = (path: string) => JSON.parse(read(path)) as Manifest;

/** The "Permissions, each justified" table of docs/security.md, by kind. */
function documentedPermissions() {
  const doc = read('docs/security.md');
  const section = doc.split(/^## /m).find((s) => s.startsWith('Permissions, each justified'));
  if (!section) throw new Error('docs/security.md has no "## Permissions, each justified" section');
  const api: string[] = [];
  const hosts: string[] = [];
  const contentMatches: string[] = [];
  for (const row of section.split('\n').filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l))) {
    const first = row.split('|')[1] ?? '';
    const items = [...first.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
    if (items.length === 0) continue; // the header row
    if (/^\s*content script/i.test(first)) contentMatches.push(...items);
    else for (const item of items) (item.includes('://') ? hosts : api).push(item);
  }
  const notRequested = [...(/Not requested:(.*)/.exec(section)?.[1] ?? '').matchAll(/`([^`]+)`/g)].map(
    (m) => m[1] ?? '',
  );
  const sandboxOnly = [...(/Only the sandbox build.*/s.exec(section)?.[0] ?? '').matchAll(/`([^`]+)`/g)].map(
    (m) => m[1] ?? '',
  );
  const csp = /## Content Security Policy\n`([^`]+)`/.exec(doc)?.[1];
  return { api, hosts, contentMatches, notRequested, sandboxOnly, csp };
}

const sorted = (list: readonly string[] | undefined) => [...(list ?? [])].sort();

function expectStrictCsp(csp: string | undefined): void {
  expect(csp, 'content_security_policy.extension_pages').toBeDefined();
  const directives = new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = '', ...values]) => [name, values]),
  );
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  for (const values of directives.values()) {
    for (const value of values) {
      expect(value).not.toMatch(/unsafe-(eval|inline|hashes)|wasm-unsafe-eval|^\*$|^https?:|^data:|^blob:/);
    }
  }
}

const docs = documentedPermissions();
const missing = missingBuilds(ROOT);
const BUILDS = RELEASE_BUILDS.filter((dir) => !missing.includes(dir));
const SANDBOX_BUILDS = SANDBOX_VARIANTS.filter((dir) => !missing.includes(dir));

describe('manifest permissions match docs/security.md', () => {
  // Without this, a fresh clone would pass by checking only the source manifest.
  it('every build these checks read exists', () => {
    expect(missing, missingBuildsMessage(missing)).toEqual([]);
  });

  it('the documentation lists something to compare with', () => {
    expect(docs.api.length).toBeGreaterThan(0);
    expect(docs.hosts.length).toBeGreaterThan(0);
    expect(docs.contentMatches.length).toBeGreaterThan(0);
    expect(docs.notRequested).toContain('tabs');
    expect(docs.sandboxOnly).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  });

  it.each(['manifest.json', ...BUILDS.map((d) => `${d}/manifest.json`)])('%s', (path) => {
    const manifest = manifestAt(path);
    expect(sorted(manifest.permissions)).toEqual(sorted(docs.api));
    expect(sorted(manifest.host_permissions)).toEqual(sorted(docs.hosts));
    expect(sorted(manifest.content_scripts?.flatMap((c) => c.matches))).toEqual(sorted(docs.contentMatches));
    expect(manifest.content_scripts?.every((c) => c.all_frames !== true)).toBe(true);
    for (const permission of docs.notRequested) expect(manifest.permissions ?? []).not.toContain(permission);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    // Nothing a web page or another extension could use to reach in.
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expectStrictCsp(manifest.content_security_policy?.extension_pages);
    expect(manifest.content_security_policy?.extension_pages).toBe(docs.csp);
    expect(manifest.content_security_policy?.sandbox).toBeUndefined();
  });

  it.each(SANDBOX_BUILDS.map((d) => `${d}/manifest.json`))('%s adds only the loopback hosts', (path) => {
    const manifest = manifestAt(path);
    expect(sorted(manifest.host_permissions)).toEqual(sorted([...docs.hosts, ...docs.sandboxOnly]));
    expect(sorted(manifest.permissions)).toEqual(sorted(docs.api));
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

// Dynamic code in any form the CSP would block at run time anyway; finding it in the bundle means
// a dependency tries it, which is worth knowing before a store review does.
const DYNAMIC_CODE: ReadonlyArray<readonly [string, RegExp]> = [
  ['eval(', /(?<![\w$.])eval\s*\(/],
  ['new Function(', /\bnew\s+Function\s*\(/],
  ['Function("…")', /(?<![\w$.])Function\s*\(\s*["'`]/],
  ['setTimeout/setInterval with a string', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/],
  ['importScripts(', /\bimportScripts\s*\(/],
  ['import() of a URL', /\bimport\s*\(\s*["'`](?:https?:)?\/\//],
];

describe.each(BUILDS)('built bundle %s', (dir) => {
  const files = filesUnder(resolve(ROOT, dir));

  it('has no eval, new Function, string timers or remote imports in any script', () => {
    const found = files
      .filter((f) => f.endsWith('.js'))
      .flatMap((file) =>
        DYNAMIC_CODE.filter(([, pattern]) => pattern.test(readFileSync(file, 'utf8'))).map(
          ([what]) => `${relative(ROOT, file)}: ${what}`,
        ),
      );
    // The AWS SDK is bundled into our own chunks, so there is no "SDK-only" chunk to excuse: any
    // hit fails, and its file and kind are printed to trace it to a package with the sourcemap.
    expect(found).toEqual([]);
  });

  it('its HTML pages load only packaged scripts, none inline', () => {
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(file, 'utf8');
      for (const tag of html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
        expect(tag, relative(ROOT, file)).toMatch(/\bsrc=["'](?!https?:|\/\/)[^"']+["'][^>]*>\s*<\/script>$/i);
      }
      expect(html).not.toMatch(/\bon[a-z]+\s*=\s*["']/i);
      expect(html).not.toMatch(/(?:src|href)=["'](?:https?:)?\/\//i);
    }
  });
});
