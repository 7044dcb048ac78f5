import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STUBS } from './unreachable-sdk-fallbacks-plugin';

// Each stub must stand for exactly one real SDK file (else an SDK update has moved it and the plugin
// silently does nothing) and export the same names as that file (else the build would break or
// import undefined).
const SMITHY = join(import.meta.dirname, '..', 'node_modules', '@smithy', 'core', 'dist-es');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const exportNames = (code: string) => [...code.matchAll(/^export (?:class|const|function) (\w+)/gm)].map((m) => m[1]);

describe('unreachable SDK fallbacks', () => {
  const files = filesUnder(SMITHY);
  for (const stub of STUBS) {
    it(`${stub.module.source} names one SDK file with the stub's exports`, () => {
      const matches = files.filter((file) => stub.module.test(file));
      expect(matches).toHaveLength(1);
      const original = readFileSync(matches[0] ?? '', 'utf8');
      expect(original).not.toMatch(/^export \{|^export \*|^export default/m);
      expect(exportNames(stub.code)).toEqual(exportNames(original));
    });

    it(`${stub.module.source} stub fails loudly if reached`, async () => {
      const module = (await import(`data:text/javascript,${encodeURIComponent(stub.code)}`)) as Record<
        string,
        new () => unknown
      >;
      const Stubbed = module[exportNames(stub.code)[0] ?? ''];
      expect(Stubbed).toBeTypeOf('function');
      expect(() => new Stubbed!()).toThrow(/not (used|supported)/);
    });
  }
});
