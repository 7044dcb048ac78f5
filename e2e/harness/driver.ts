// The one interface every e2e scenario drives, so each scenario runs unchanged in Chromium
// (Playwright) and Firefox ESR (puppeteer-core over WebDriver BiDi).

export type BrowserName = 'chromium' | 'firefox';
export type StorageArea = 'local' | 'session' | 'sync';
export type ColorScheme = 'light' | 'dark';

export interface ExtensionPage {
  /** Replaces the value of the element with data-testid=testId, as typing would. */
  fill(testId: string, value: string): Promise<void>;
  click(testId: string): Promise<void>;
  /** Clicks the <label> whose text contains `text` (radio buttons, checkboxes). */
  clickLabel(text: string): Promise<void>;
  /** Waits until data-testid=testId is visible and returns its text. */
  textOf(testId: string, timeoutMs?: number): Promise<string>;
  attributeOf(testId: string, name: string): Promise<string | null>;
  isVisible(testId: string): Promise<boolean>;
  valueOf(testId: string): Promise<string>;
  /** Runs `fn` in the page (an extension page: it has the `browser`/`chrome` namespaces). */
  evaluate<R>(fn: (arg: unknown) => R | Promise<R>, arg?: unknown): Promise<R>;
  /** Presses a key in whatever has focus ('Tab', 'Enter', '7'), as a user would. */
  press(key: string): Promise<void>;
  /**
   * Pastes `text` into the focused element as a user does: onto the system clipboard, then Ctrl+V,
   * so the page gets a trusted paste event (Firefox drops a synthetic event's clipboardData).
   */
  paste(text: string): Promise<void>;
  /** The data-testid of the focused element, or null when it has none (or nothing has focus). */
  focusedTestId(): Promise<string | null>;
  /**
   * Runs a classic script's source in the page through the automation protocol (CDP / BiDi), which
   * the page's CSP does not govern: extension pages forbid inline scripts and eval, so a test
   * library such as axe-core cannot be added with a <script> tag.
   */
  runScript(source: string): Promise<void>;
  /** What `prefers-color-scheme` answers. Chromium: this page; Firefox: the whole browser (a pref). */
  setColorScheme(scheme: ColorScheme): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

/** A web page (not the extension's), e.g. an AWS sign-in page served by the fixture server. */
export interface WebPage extends ExtensionPage {
  /** Presses a key in whatever has focus ('Enter', 'Escape', 'Tab'), as a user would. */
  press(key: string): Promise<void>;
  /**
   * How many nodes with this ARIA role (and accessible name, if given) are inside the shadow root
   * of the first element matching hostSelector, closed roots included: the automation protocol
   * (CDP / WebDriver BiDi) can look where the page cannot, so nothing is opened up for tests.
   */
  countInShadow(hostSelector: string, role: string, name?: string): Promise<number>;
}

/** An extension document that is open now: the action popup or a tab. */
export interface ExtensionView {
  kind: 'popup' | 'tab';
  url: string;
}

export interface ExtensionDriver {
  readonly browserName: BrowserName;
  readonly extensionBaseUrl: string;
  /** Opens an extension page (e.g. 'popup/index.html') in a tab 360 px wide. */
  openPage(path: string): Promise<ExtensionPage>;
  /** Opens any https URL in a new tab and waits for it to load. */
  openUrl(url: string): Promise<WebPage>;
  /** The extension's popup and tabs that are open right now. */
  extensionViews(): Promise<ExtensionView[]>;
  /** Reads a whole storage area, as the extension sees it. */
  readStorage(area: StorageArea): Promise<Record<string, unknown>>;
  writeStorage(area: StorageArea, items: Record<string, unknown>): Promise<void>;
  /** Everything any extension context printed to its console so far. */
  consoleLines(): string[];
  /**
   * Stops the extension's background as the browser does when it is idle (Chromium: the MV3
   * service worker, via CDP ServiceWorker.stopAllWorkers). The next event (e.g. a message from a
   * page) wakes it again; until then Chromium's readStorage, which runs in the worker, waits.
   * Absent in Firefox: an MV3 event page cannot be stopped from a test.
   */
  stopBackground?(): Promise<void>;
  /**
   * Quits the browser and starts it again on the same profile with the same extension and launch
   * options, as a user closing and reopening it would. Pages opened before are gone; this driver
   * keeps working (consoleLines keeps the lines of both runs). Firefox: see firefox-driver.ts for
   * what happens to the temporary add-on and its storage.
   */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export type DriverFactory = (extensionDir: string) => Promise<ExtensionDriver>;
