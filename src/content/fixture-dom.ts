import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { startContentScript } from './content-controller';
import type { FakeExtension } from './fake-content-api';

// Test support (not part of the bundle: nothing the entry point imports uses it). Loads a sign-in
// fixture from e2e/fixtures/signin/ into the happy-dom document of a unit test and runs its inline
// script, so the unit tests and the browser e2e tests exercise the very same pages.

export const FIXTURES_DIR = resolve(import.meta.dirname, '..', '..', 'e2e', 'fixtures', 'signin');

interface HappyDomWindow {
  happyDOM: { setURL(url: string): void };
  fixtureStayOnPage?: boolean;
}

/** Replaces the test document with the fixture, as served at `url`, and runs its scripts. */
export function loadFixture(name: string, url = `https://signin.aws.amazon.com/${name}`): void {
  // Stylesheet links would make happy-dom try to fetch them; the fixtures hide things with
  // attributes, which is all the detector looks at.
  const html = readFileSync(resolve(FIXTURES_DIR, name), 'utf8').replace(/<link [^>]*>/g, '');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const scripts = [...parsed.querySelectorAll('script')].map((script) => script.textContent ?? '');
  parsed.querySelectorAll('script').forEach((element) => element.remove());
  const win = window as unknown as HappyDomWindow;
  win.happyDOM.setURL(url);
  win.fixtureStayOnPage = true;
  document.documentElement.lang = parsed.documentElement.lang;
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  // The fixture's own code, written for browsers, run in the test's global (happy-dom) scope.
  for (const code of scripts) new Function(code)();
}

export function byTestId<T extends Element = HTMLElement>(testId: string): T {
  const element = document.querySelector<T>(`[data-testid="${testId}"]`);
  if (!element) throw new Error(`no [data-testid=${testId}] in the fixture`);
  return element;
}

/** What a user does: type a code (the page's own value setter) and click the submit button. */
export function submitCode(code = '000000', submitTestId = 'mfa-submit-button'): void {
  const field = document.querySelector<HTMLInputElement>('[data-testid="mfa-code"]');
  if (field) field.value = code;
  byTestId<HTMLButtonElement>(submitTestId).click();
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Keeps the shadow root that attachShadow hands to the prompt, which is exactly the reference the
 * prompt itself holds: the root stays closed for the page. Call before the prompt is created;
 * vi.restoreAllMocks() undoes it.
 */
export function captureShadowRoot(): () => ShadowRoot | undefined {
  let captured: ShadowRoot | undefined;
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    captured = attach.call(this, init);
    return captured;
  });
  return () => captured;
}

export interface ContentScriptUnderTest {
  /**
   * A page load: the fixture replaces the document and a fresh content script starts on it, talking
   * to `extension`. The script of the page before is stopped first, as the browser does.
   */
  start(fixture: string, extension: FakeExtension, url?: string): void;
  /** The prompt's shadow root, once it has been created (see captureShadowRoot). */
  shadowRoot(): ShadowRoot | undefined;
}

/**
 * The whole content script over the fixtures, for the enclosing test file: the shadow root is
 * captured before each test, and the script stopped and the spies restored after it.
 */
export function useContentScript(): ContentScriptUnderTest {
  let stop: (() => void) | undefined;
  let shadowRoot: () => ShadowRoot | undefined = () => undefined;
  beforeEach(() => {
    shadowRoot = captureShadowRoot();
  });
  afterEach(() => {
    stop?.();
    stop = undefined;
    vi.restoreAllMocks();
  });
  return {
    start: (fixture, extension, url) => {
      stop?.();
      loadFixture(fixture, url);
      stop = startContentScript({ document, pageUrl: () => location.href, api: extension.api, settleMs: 30 });
    },
    shadowRoot: () => shadowRoot(),
  };
}
