import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser, KeyInput, Page } from 'puppeteer-core';
import type { ExtensionDriver, ExtensionView, StorageArea, WebPage } from './driver';
import { collectFirefoxConsole } from './firefox-console';
import { openExtensionUrl, firefoxPage } from './firefox-page';
import { firefoxPrefs, type FirefoxPrefs } from './firefox-prefs';
import { FIXED_RENDERING_FIREFOX_PREFS, fixedRenderingEnv } from './fixed-rendering';
import { browserExecutable, requireBuild } from './paths';

// Firefox ESR through puppeteer-core over WebDriver BiDi (Playwright cannot drive stock Firefox).
// The extension is installed as a temporary add-on into a fresh profile that close() deletes.

/** Fixed so that extensionBaseUrl, and the Origin header the sandbox sees, are the same every run. */
export const FIREFOX_EXTENSION_UUID = '6d66613e-2e2e-4e2e-8e2e-000000e2e001';
const VIEWPORT = { width: 360, height: 640 };
// Any file of the add-on loaded in a tab gets the extension's `browser.*` APIs. The manifest runs
// none of the extension's own code, so reading storage through it cannot change what is stored.
const STORAGE_HELPER_PATH = 'manifest.json';

interface StorageHost {
  browser: {
    storage: Record<
      StorageArea,
      { get(keys: null): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> }
    >;
  };
}

// The part of puppeteer's BiDi frame used to look into closed shadow roots: WebDriver BiDi
// serializes a closed shadow root as a node reference that locateNodes can start from.
interface BidiNode {
  sharedId?: string;
  value?: { shadowRoot?: { sharedId?: string } | null };
}
interface BidiFrame {
  browsingContext: { locateNodes(locator: unknown, startNodes?: Array<{ sharedId: string }>): Promise<BidiNode[]> };
}

interface ViewsHost {
  browser: { extension: { getViews(filter: { type: 'popup' | 'tab' }): Array<{ location: { href: string } }> } };
}

function geckoIdOf(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  // Without a fixed id Firefox invents one per install, and neither the UUID pref nor storage can key on it.
  if (!id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

export interface FirefoxLaunchOptions {
  headless?: boolean;
  /** Extra or overriding about:config prefs for this run. */
  prefs?: FirefoxPrefs;
  /** Accept a test server's self-signed certificate (WebDriver's acceptInsecureCerts). */
  acceptInsecureCerts?: boolean;
  /**
   * The browser's UI language, e.g. 'de'. Firefox honours `intl.locale.requested` (and gives the
   * extension that locale) only with the language pack installed: Debian's firefox-esr-l10n-<lang>.
   */
  uiLocale?: string;
  /** For README screenshots: fixed fonts, UTC, reduced motion, no caret blink (fixed-rendering.ts). */
  fixedRendering?: boolean;
}

/** Debian installs language packs as add-ons beside the browser binary. */
function requireLanguagePack(locale: string): void {
  const app = dirname(realpathSync(browserExecutable('firefox')));
  const pack = join(app, 'browser', 'extensions', `langpack-${locale}@firefox-esr.mozilla.org.xpi`);
  if (!existsSync(pack)) {
    throw new Error(`Firefox has no ${locale} language pack: run  apt-get install -y firefox-esr-l10n-${locale}`);
  }
}

export async function launchFirefox(
  extensionDir: string,
  options: FirefoxLaunchOptions = {},
): Promise<ExtensionDriver> {
  const dir = requireBuild(extensionDir);
  if (options.uiLocale) requireLanguagePack(options.uiLocale);
  const geckoId = geckoIdOf(dir);
  const extensionBaseUrl = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  // Our own profile directory rather than puppeteer's: puppeteer leaves its temp profile behind
  // when the test process dies before close(), and the exit hook below can only clean up a path
  // it knows.
  const profile = mkdtempSync(join(tmpdir(), 'mfa-e2e-firefox-'));
  const removeProfileOnExit = () => rmSync(profile, { recursive: true, force: true });
  process.once('exit', removeProfileOnExit);

  const lines: string[] = [];
  const removeProfile = async () => {
    process.removeListener('exit', removeProfileOnExit);
    await rm(profile, { recursive: true, force: true });
  };

  /** Launches Firefox on `profile` and installs the add-on: the first launch and every restart(). */
  const start = async (): Promise<Browser> => {
    let browser: Browser | undefined;
    try {
      browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: browserExecutable('firefox'),
        headless: options.headless ?? true,
        acceptInsecureCerts: options.acceptInsecureCerts ?? false,
        userDataDir: profile,
        defaultViewport: VIEWPORT,
        // Without it Firefox's BiDi refuses to navigate a tab to a moz-extension:// URL (the tab
        // silently stays on about:blank).
        args: ['--remote-allow-system-access'],
        ...(options.fixedRendering ? { env: fixedRenderingEnv() } : {}),
        // Written into the profile's user.js at every launch, restarts included, so the UUID pref
        // is in place before the add-on is installed again.
        extraPrefsFirefox: firefoxPrefs(geckoId, FIREFOX_EXTENSION_UUID, {
          ...(options.uiLocale ? { 'intl.locale.requested': options.uiLocale } : {}),
          ...(options.fixedRendering ? FIXED_RENDERING_FIREFOX_PREFS : {}),
          ...options.prefs,
        }),
      });
      const child = browser.process();
      collectFirefoxConsole([child?.stdout, child?.stderr], lines);
      const installedId = await browser.installExtension(dir);
      if (installedId !== geckoId) throw new Error(`Firefox installed ${installedId}, expected ${geckoId}`);
      return browser;
    } catch (error) {
      await browser?.close().catch(() => undefined);
      throw error;
    }
  };

  try {
    return firefoxDriver(await start(), start, extensionBaseUrl, lines, removeProfile);
  } catch (error) {
    await removeProfile();
    throw error;
  }
}

function firefoxDriver(
  // Reassigned by restart(): every method below reaches the browser through this binding.
  browser: Browser,
  relaunch: () => Promise<Browser>,
  extensionBaseUrl: string,
  lines: string[],
  removeProfile: () => Promise<void>,
): ExtensionDriver {
  const newExtensionTab = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    await openExtensionUrl(page, `${extensionBaseUrl}/${path}`);
    return page;
  };
  // Storage is reached from an extension document (there is no handle on the background script in
  // puppeteer's BiDi API). One background tab on manifest.json is opened on first use and reused.
  let helper: Promise<Page> | undefined;
  const storageHelper = (): Promise<Page> => {
    helper ??= newExtensionTab(STORAGE_HELPER_PATH).catch((error: unknown) => {
      helper = undefined;
      throw error;
    });
    return helper;
  };
  let closing: Promise<void> | undefined;

  return {
    browserName: 'firefox',
    extensionBaseUrl,
    openPage: async (path) => firefoxPage(await newExtensionTab(path)),
    openUrl: async (url): Promise<WebPage> => {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return {
        ...firefoxPage(page),
        press: (key) => page.keyboard.press(key as KeyInput),
        countInShadow: async (hostSelector, role, name) => {
          const context = (page.mainFrame() as unknown as BidiFrame).browsingContext;
          const [host] = await context.locateNodes({ type: 'css', value: hostSelector });
          const sharedId = host?.value?.shadowRoot?.sharedId;
          if (!sharedId) return 0;
          const value = { role, ...(name === undefined ? {} : { name }) };
          // Just after a navigation (a form post answered by a new page) Firefox's remote agent can
          // be asked before the new document has an accessibility tree, and throws "documentAccessible
          // is null" (seen once in CI): that is "ask again in a moment", not an answer.
          for (let attempt = 1; ; attempt += 1) {
            try {
              return (await context.locateNodes({ type: 'accessibility', value }, [{ sharedId }])).length;
            } catch (error) {
              if (attempt >= 20 || !String(error).includes('documentAccessible is null')) throw error;
              await new Promise((resolve) => setTimeout(resolve, 100));
            }
          }
        },
      };
    },
    // extension.getViews from an extension document lists the popup and the extension's tabs
    // (the storage helper tab itself excluded).
    extensionViews: async () => {
      const page = await storageHelper();
      // No named helper inside: tsx would wrap it in a __name() call that the page does not have.
      const views = await page.evaluate(() =>
        (['popup', 'tab'] as const).map((type) =>
          (globalThis as unknown as ViewsHost).browser.extension.getViews({ type }).map((view) => view.location.href),
        ),
      );
      const helperUrl = `${extensionBaseUrl}/${STORAGE_HELPER_PATH}`;
      const [popups = [], tabs = []] = views;
      return [
        ...popups.map((url): ExtensionView => ({ kind: 'popup', url })),
        ...tabs.filter((url) => url !== helperUrl).map((url): ExtensionView => ({ kind: 'tab', url })),
      ];
    },
    // storage.sync works in a temporary add-on (measured on ESR 153): without a Firefox Account
    // it is kept locally with the sync quotas, and starts empty in each fresh profile.
    readStorage: async (area) => {
      const page = await storageHelper();
      return page.evaluate(
        (a: StorageArea) => (globalThis as unknown as StorageHost).browser.storage[a].get(null),
        area,
      );
    },
    writeStorage: async (area, items) => {
      const page = await storageHelper();
      await page.evaluate(
        (a: StorageArea, i: Record<string, unknown>) =>
          (globalThis as unknown as StorageHost).browser.storage[a].set(i),
        area,
        items,
      );
    },
    consoleLines: () => [...lines],
    // Firefox uninstalls a temporary add-on when it quits (XPIProvider.cleanupTemporaryAddons at
    // shutdown), so the relaunch installs it again: in Firefox the restart therefore also
    // reinstalls the temporary add-on, which is how Firefox treats an unpacked extension anyway
    // (about:debugging loads do not survive a restart either). The same gecko id and the UUID pref
    // give it the same moz-extension:// origin. Its storage.local survives (measured on ESR 153,
    // across two restarts): that shutdown cleanup skips the data wipe of a real uninstall (no
    // onUninstalled, so the profile keeps the storage and the UUID map entry), and the reinstalled
    // add-on, same id and origin, reads the same store. storage.session starts empty, as always.
    restart: async () => {
      if (closing) throw new Error('restart() after close()');
      // puppeteer asks Firefox to quit and waits (up to 5 s) for the process to exit on its own,
      // so the profile is written out before the relaunch reuses it.
      await browser.close();
      // The helper tab died with the old browser.
      helper = undefined;
      browser = await relaunch();
    },
    close: () => {
      closing ??= browser.close().finally(removeProfile);
      return closing;
    },
  };
}
