import { describe, expect, it } from 'vitest';
import { arrowsBetween, findCycles, importGraph, type ImportGraph } from './import-graph';

// The structure the README describes: arrows run one way, from entry points (scripts/, the e2e
// tests, the bench) to the libraries they use, and no two modules need each other.
const SOURCE_FOLDERS = ['background', 'popup', 'options', 'src', 'e2e', 'scripts', 'build', 'bench'];
const graph = importGraph('.', SOURCE_FOLDERS);

const graphOf = (edges: Record<string, string[]>): ImportGraph =>
  new Map(Object.entries(edges).map(([file, targets]) => [file, new Set(targets)]));

describe('import graph of the repo’s own source', () => {
  it('reads the real imports (type, value, re-export and dynamic ones)', () => {
    expect(graph.get('background/device-listing.ts')).toEqual(
      new Set(['src/shared/browser.ts', 'src/shared/messages.ts', 'background/session-keys.ts', 'background/vault.ts']),
    );
    expect(graph.get('popup/lazy-views.ts')).toContain('popup/on-demand-views.ts');
    expect(graph.get('popup/on-demand-views.ts')).toContain('popup/components/SuccessView.tsx');
    expect(graph.get('scripts/package-crx.ts')).toContain('build/crx-package.ts');
    expect(graph.get('bench/run.ts')).toContain('e2e/harness/chromium-driver.ts');
    expect([...graph.keys()].some((file) => file.includes('node_modules'))).toBe(false);
  });

  it('has no cycles', () => {
    expect(findCycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('has no arrows from e2e/ into scripts/, nor from any library into scripts/', () => {
    expect(arrowsBetween(graph, 'e2e/', 'scripts/')).toEqual([]);
    // A unit test of a script is an entry point too (build/node-support.test.ts runs preflight.cjs).
    const libraries = new Map([...graph].filter(([file]) => !/\.test\.tsx?$/.test(file)));
    for (const folder of SOURCE_FOLDERS.filter((name) => name !== 'scripts')) {
      expect(arrowsBetween(libraries, `${folder}/`, 'scripts/'), folder).toEqual([]);
    }
  });

  it('has no arrows into bench/ from anywhere else: the bench is an entry point that uses the e2e harness', () => {
    for (const folder of SOURCE_FOLDERS.filter((name) => name !== 'bench')) {
      expect(arrowsBetween(graph, `${folder}/`, 'bench/'), folder).toEqual([]);
    }
  });
});

describe('findCycles', () => {
  it('finds a two-file circle, a longer one and a self-import, and nothing in a diamond', () => {
    expect(findCycles(graphOf({ 'a.ts': ['b.ts'], 'b.ts': ['a.ts'] }))).toEqual([['a.ts', 'b.ts', 'a.ts']]);
    expect(findCycles(graphOf({ 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': ['a.ts'] }))).toEqual([
      ['a.ts', 'b.ts', 'c.ts', 'a.ts'],
    ]);
    expect(findCycles(graphOf({ 'a.ts': ['a.ts'] }))).toEqual([['a.ts', 'a.ts']]);
    expect(findCycles(graphOf({ 'a.ts': ['b.ts', 'c.ts'], 'b.ts': ['d.ts'], 'c.ts': ['d.ts'], 'd.ts': [] }))).toEqual(
      [],
    );
  });
});
