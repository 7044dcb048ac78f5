import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { distDir } from '../../build/vite-build';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const CHROME_SANDBOX_BUILD = distDir('chrome', 'sandbox');
export const FIREFOX_SANDBOX_BUILD = distDir('firefox', 'sandbox');
export const ARTIFACTS = resolve(ROOT, 'artifacts');

/** Debian's browsers; tests fail with the install command rather than a cryptic launch error. */
export function browserExecutable(name: 'chromium' | 'firefox'): string {
  const candidates = name === 'chromium' ? ['/usr/bin/chromium'] : ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    const pkg = name === 'chromium' ? 'chromium' : 'firefox-esr';
    throw new Error(`${name} is not installed: run  sudo apt-get install -y ${pkg}`);
  }
  return found;
}

export function requireBuild(dir: string): string {
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`no extension build at ${dir}: run  npm run build:sandbox`);
  }
  return dir;
}

/** Where the e2e runs that write README screenshots put them. */
export const SCREENSHOTS = resolve(ROOT, 'docs', 'screenshots');
