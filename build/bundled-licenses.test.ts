import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleOrigins, packageName, type BundleOrigins } from './bundled-packages';
import { buildOrThrow, ROOT } from './vite-build';

// docs/licenses.md must name every third-party package whose code ships. What ships is read from
// the release builds themselves, built here with hidden source maps (same bytes, plus .map files)
// into a scratch directory, so the check needs no earlier build and never touches dist/.

const scratch = mkdtempSync(join(tmpdir(), 'mfa-licenses-'));
const origins = new Map<string, BundleOrigins>();

function documentedPackages(): Set<string> {
  const rows = readFileSync(resolve(ROOT, 'docs', 'licenses.md'), 'utf8')
    .split('\n')
    .filter((line) => /^\|\s*[@a-z0-9]/i.test(line) && !/^\|\s*package\s*\|/.test(line));
  return new Set(rows.map((row) => row.split('|')[1]?.trim() ?? ''));
}

// Scripts that legitimately have no map: crxjs writes the worker loader (one `import` line), and
// build/no-event-streams-plugin.ts's stub is a virtual module of ours.
const UNMAPPED_OK = [/^service-worker-loader\.js$/, /^assets\/_no-event-streams-[\w-]+\.js$/];

beforeAll(() => {
  for (const browser of ['chrome', 'firefox'] as const) {
    const outDir = join(scratch, browser);
    buildOrThrow({ browser, variant: 'release', sourcemap: 'hidden', outDir });
    origins.set(browser, bundleOrigins(outDir, ROOT));
  }
}, 180_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(['chrome', 'firefox'])('the %s release build', (browser) => {
  it('ships only packages that docs/licenses.md lists', () => {
    const found = origins.get(browser);
    // The extraction itself works: the two libraries every context is built on are found.
    expect(found?.packages).toEqual(expect.arrayContaining(['preact', '@aws-sdk/client-iam', 'valibot']));
    const documented = documentedPackages();
    const missing = (found?.packages ?? []).filter((name) => !documented.has(name));
    expect(
      missing,
      'bundled but not in docs/licenses.md (it lists the `dependencies` closure: a bundled devDependency belongs in `dependencies`), then run  npx tsx scripts/list-licenses.ts',
    ).toEqual([]);
  });

  it('carries THIRD_PARTY_NOTICES.txt with the license of every package it ships', () => {
    const notices = readFileSync(join(scratch, browser, 'THIRD_PARTY_NOTICES.txt'), 'utf8');
    const headings = notices.split('\n').filter((line) => /^[\w.-]+: /.test(line));
    const covered = new Set(
      headings.flatMap((line) => line.replace(/^[^:]+: /, '').split(', ')).map((p) => p.split(' ')[0]),
    );
    const uncovered = (origins.get(browser)?.packages ?? []).filter((name) => !covered.has(name));
    expect(uncovered, 'run  npx tsx scripts/list-licenses.ts').toEqual([]);
  });

  it('has no code of unknown origin: every mapped source is a package or a file of ours', () => {
    expect(origins.get(browser)?.unknownSources).toEqual([]);
  });

  it('has no script without a source map beyond the two known ones', () => {
    const unexpected = (origins.get(browser)?.unmappedScripts ?? []).filter((f) => !UNMAPPED_OK.some((p) => p.test(f)));
    expect(unexpected).toEqual([]);
  });
});

describe('packageName', () => {
  it('names scoped, plain and nested packages', () => {
    expect(packageName('../node_modules/@smithy/core/dist-es/submodules/serde/x.js')).toBe('@smithy/core');
    expect(packageName('node_modules/preact/hooks/dist/hooks.module.js')).toBe('preact');
    expect(packageName('node_modules/a/node_modules/tslib/tslib.es6.mjs')).toBe('tslib');
    expect(packageName('../../popup/App.tsx')).toBeUndefined();
  });
});
