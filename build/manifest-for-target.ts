import type { ManifestV3Export } from '@crxjs/vite-plugin';

export type TargetBrowser = 'chrome' | 'firefox';
export type BuildVariant = 'release' | 'sandbox';

// The loopback hosts the e2e/demo sandbox listens on. A match pattern without a port matches any
// port, so tests can use a random one. Only the sandbox variant carries them; the build users
// install never can reach localhost.
const SANDBOX_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

type Manifest = Record<string, unknown> & {
  background: { service_worker: string; type?: string };
  host_permissions: string[];
};

/** One source manifest; the only per-browser and per-variant differences live here. */
export function manifestForTarget(
  source: Manifest,
  version: string,
  browser: TargetBrowser,
  variant: BuildVariant,
): ManifestV3Export {
  const { key, minimum_chrome_version: minimumChrome, browser_specific_settings: gecko, background, ...common } = source;
  const hostPermissions =
    variant === 'sandbox' ? [...source.host_permissions, ...SANDBOX_HOSTS] : source.host_permissions;
  const shared = { ...common, version, host_permissions: hostPermissions };
  if (browser === 'chrome') {
    // `key` pins the extension id (needed for managed policy); Chrome warns about gecko settings.
    return { ...shared, key, minimum_chrome_version: minimumChrome, background } as ManifestV3Export;
  }
  // Firefox runs MV3 backgrounds as event pages (`scripts`), and warns on `key` and Chrome's minimum.
  return {
    ...shared,
    browser_specific_settings: gecko,
    background: { scripts: [background.service_worker], type: background.type },
  } as unknown as ManifestV3Export;
}
