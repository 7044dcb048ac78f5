import { resolve } from 'node:path';
import type { Plugin } from 'vite';

// The sandbox build (tests and the demo) starts each extension context with the test clock of
// src/sandbox/test-clock.ts, so the e2e harness can move or stop the time the extension sees
// (README screenshots, expiry tests that would otherwise wait for real timers). It is prepended to
// the entry modules here instead of being imported by them, so the release build cannot contain it
// whatever the entries import: this plugin is not in the release build's plugin list at all.
const root = resolve(import.meta.dirname, '..');
const CLOCK_MODULE = resolve(root, 'src/sandbox/test-clock.ts');
/** Pages wait for the clock before they render; the service worker may not (no top-level await). */
const ENTRIES: Record<string, 'page' | 'worker'> = {
  [resolve(root, 'popup/main.tsx')]: 'page',
  [resolve(root, 'options/main.tsx')]: 'page',
  [resolve(root, 'background/index.ts')]: 'worker',
};

export function sandboxClock(): Plugin {
  const found = new Set<string>();
  return {
    name: 'sandbox-clock',
    enforce: 'pre',
    transform(code, id) {
      const kind = ENTRIES[id.split('?')[0] ?? id];
      if (!kind) return null;
      found.add(id);
      const host = 'globalThis.browser';
      const install = kind === 'page' ? `await installSandboxClock(${host});` : `void installSandboxClock(${host});`;
      return {
        code: `import { installSandboxClock } from ${JSON.stringify(CLOCK_MODULE)};\n${install}\n${code}`,
        map: null,
      };
    },
    buildEnd(error) {
      // A renamed entry would silently run on the real clock, and the tests that set it would fail
      // far from the cause.
      if (!error && found.size !== Object.keys(ENTRIES).length) {
        const missing = Object.keys(ENTRIES).filter((entry) => !found.has(entry));
        this.error(`sandbox-clock: no module ${missing.join(', ')} in this build: update build/sandbox-clock-plugin.ts`);
      }
    },
  };
}
