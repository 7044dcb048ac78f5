import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { FIXED_RENDERING_CHROMIUM_ARGS, fixedRenderingEnv } from './fixed-rendering';
import { browserExecutable } from './paths';

// How Chromium is started for every browser run in this repo: the e2e driver (chromium-driver.ts)
// and the bench (bench/run.ts) launch through here, with or without the extension, under the same
// flags. Playwright adds --disable-extensions by default, so both extension flags are needed.
// Background networking is off because this machine has no internet and Chromium's own
// update/metrics traffic only adds noise and delay.
const VIEWPORT = { width: 360, height: 640 };

export interface ChromiumLaunchOptions {
  headless?: boolean;
  /** `--host-resolver-rules`, e.g. to serve the AWS sign-in hostnames from a local test server. */
  hostResolverRules?: string;
  /** Accept a test server's self-signed certificate. */
  ignoreHttpsErrors?: boolean;
  /**
   * The extension arrives through an ExtensionInstallForcelist policy the caller wrote (not
   * --load-extension): Chromium's extension system and background networking stay on so it can
   * fetch updates.xml and the CRX, and the worker may take a few seconds to appear.
   */
  forceInstalled?: boolean;
  /** Whose worker to attach to when other extensions run too (Chromium's own, other force-installs). */
  extensionId?: string;
  /**
   * The browser's UI language, e.g. 'de': `--lang` picks the extension's _locales (Debian's
   * Chromium needs no language pack for that); `locale` sets navigator.language and Intl to match.
   */
  uiLocale?: string;
  /** For README screenshots: fixed fonts, UTC, en-US, reduced motion (fixed-rendering.ts). */
  fixedRendering?: boolean;
}

/**
 * Starts Chromium on `profile` ('' for a throwaway one) with the unpacked extension in
 * `extensionDir` loaded, or with no extension at all when it is undefined and not force-installed
 * (the bench's baseline browser).
 */
export function launchChromiumContext(
  profile: string,
  extensionDir: string | undefined,
  options: ChromiumLaunchOptions = {},
): Promise<BrowserContext> {
  const load = extensionDir && !options.forceInstalled;
  return chromium.launchPersistentContext(profile, {
    executablePath: browserExecutable('chromium'),
    headless: options.headless ?? true,
    viewport: VIEWPORT,
    ignoreHTTPSErrors: options.ignoreHttpsErrors ?? false,
    ...(options.uiLocale ? { locale: options.uiLocale } : {}),
    ...(options.fixedRendering
      ? {
          env: fixedRenderingEnv(),
          timezoneId: 'UTC',
          reducedMotion: 'reduce' as const,
          ...(options.uiLocale ? {} : { locale: 'en-US' }),
        }
      : {}),
    ...(options.forceInstalled
      ? { ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking'] }
      : {}),
    args: [
      ...(options.hostResolverRules ? [`--host-resolver-rules=${options.hostResolverRules}`] : []),
      ...(load ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      ...(options.forceInstalled ? [] : ['--disable-background-networking']),
      ...(options.uiLocale ? [`--lang=${options.uiLocale}`] : []),
      ...(options.fixedRendering ? FIXED_RENDERING_CHROMIUM_ARGS : []),
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The extension's service worker (that of `extensionId`, when given), once it is running. */
export async function extensionWorker(
  context: BrowserContext,
  timeoutMs = 15_000,
  extensionId?: string,
): Promise<Worker> {
  const ours = (worker: Worker) => extensionId === undefined || new URL(worker.url()).host === extensionId;
  return (
    context.serviceWorkers().find(ours) ??
    (await context.waitForEvent('serviceworker', { timeout: timeoutMs, predicate: ours }))
  );
}

/** chrome-extension://<id> of the worker's extension. URL.origin is "null" for that scheme, so from the host. */
export const extensionBaseUrlOf = (worker: Worker): string => `chrome-extension://${new URL(worker.url()).host}`;
