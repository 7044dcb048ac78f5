import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// plain-dynamic-import-plugin.ts replaces Vite's preload helper with a plain import() call. That
// is right only while no lazily imported chunk needs a CSS file or a chunk the page has not loaded:
// checked here on every build that exists (npm test builds both before the unit tests).
const ROOT = resolve(import.meta.dirname, '..');
const BUILDS = ['dist/chrome', 'dist/firefox'].filter((dir) => existsSync(resolve(ROOT, dir, 'manifest.json')));

describe.each(BUILDS)('lazy chunks of %s', (dir) => {
  const assets = resolve(ROOT, dir, 'assets');
  const chunks = readdirSync(assets).filter((name) => name.endsWith('.js'));
  const source = (name: string) => readFileSync(resolve(assets, name), 'utf8');
  const lazy = chunks.filter((name) => chunks.some((other) => source(other).includes(`import("./${name}")`)));

  it('exist (the popup loads its on-demand views lazily)', () => {
    expect(lazy.some((name) => name.startsWith('on-demand-views'))).toBe(true);
  });

  it.each(lazy)('%s pulls in no CSS, and Vite preloads nothing', (name) => {
    expect(source(name)).not.toMatch(/\.css\b/);
    for (const chunk of chunks) expect(source(chunk)).not.toContain('modulepreload');
  });
});
