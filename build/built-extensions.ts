import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

// The four builds the unit tests check (manifests, permissions, bundles). `npm run test:unit` and
// `npm test` build them first; a plain `npx vitest run` on a fresh clone must not pass by checking
// none of them, so a missing build is a failure that says how to make it.

export const RELEASE_BUILDS = ['dist/chrome', 'dist/firefox'] as const;
export const SANDBOX_BUILDS = ['dist/chrome-sandbox', 'dist/firefox-sandbox'] as const;

/** The builds under `root` that have no manifest.json yet. */
export function missingBuilds(root: string): string[] {
  return [...RELEASE_BUILDS, ...SANDBOX_BUILDS].filter((dir) => !existsSync(resolve(root, dir, 'manifest.json')));
}

export function missingBuildsMessage(missing: readonly string[]): string {
  const commands = [
    missing.some((d) => (RELEASE_BUILDS as readonly string[]).includes(d)) ? 'npm run build' : '',
    missing.some((d) => (SANDBOX_BUILDS as readonly string[]).includes(d)) ? 'npm run build:sandbox' : '',
  ].filter(Boolean);
  return `no build in ${missing.join(', ')}: the manifest and bundle checks need it. Run  ${commands.join(' && ')}  first (npm run test:unit does).`;
}
