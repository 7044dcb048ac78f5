import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SANDBOX_CLOCK_KEY } from '../src/sandbox/test-clock';
import { missingBuilds, missingBuildsMessage, RELEASE_BUILDS, SANDBOX_BUILDS } from './built-extensions';

// The test clock (src/sandbox/test-clock.ts) is in every sandbox build and in no release build:
// what users install answers Date from the system clock alone.

const ROOT = resolve(import.meta.dirname, '..');
const missing = missingBuilds(ROOT);

function scriptsOf(dir: string): string {
  return readdirSync(resolve(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(join(ROOT, dir, file), 'utf8'))
    .join('\n');
}

describe('the sandbox test clock', () => {
  it('every build these checks read exists', () => {
    expect(missing, missingBuildsMessage(missing)).toEqual([]);
  });

  it.each(RELEASE_BUILDS.filter((dir) => !missing.includes(dir)))('is not in %s', (dir) => {
    expect(scriptsOf(dir)).not.toContain(JSON.stringify(SANDBOX_CLOCK_KEY));
  });

  it.each(SANDBOX_BUILDS.filter((dir) => !missing.includes(dir)))(
    'is installed in %s by the popup, the options page and the background',
    (dir) => {
      const scripts = scriptsOf(dir);
      expect(scripts).toContain(JSON.stringify(SANDBOX_CLOCK_KEY));
      // Three entries install it; the two pages wait for it before rendering (the worker may not
      // await at top level).
      expect(scripts.match(/\(globalThis\.browser\)/g)).toHaveLength(3);
      expect(scripts.match(/await \w+\(globalThis\.browser\)/g)).toHaveLength(2);
    },
  );
});
