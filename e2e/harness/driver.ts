// The one interface every e2e scenario drives, so each scenario runs unchanged in Chromium
// (Playwright) and Firefox ESR (puppeteer-core over WebDriver BiDi).

export type BrowserName = 'chromium' | 'firefox';
export type StorageArea = 'local' | 'session' | 'sync';

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
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionDriver {
  readonly browserName: BrowserName;
  readonly extensionBaseUrl: string;
  /** Opens an extension page (e.g. 'popup/index.html') in a tab 360 px wide. */
  openPage(path: string): Promise<ExtensionPage>;
  /** Reads a whole storage area, as the extension sees it. */
  readStorage(area: StorageArea): Promise<Record<string, unknown>>;
  writeStorage(area: StorageArea, items: Record<string, unknown>): Promise<void>;
  /** Everything any extension context printed to its console so far. */
  consoleLines(): string[];
  close(): Promise<void>;
}

export type DriverFactory = (extensionDir: string) => Promise<ExtensionDriver>;
