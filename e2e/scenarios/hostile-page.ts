import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../sandbox/server';
import type { ExtensionDriver, ExtensionPage, WebPage } from '../harness/driver';
import { bashExport, longTermKeys } from '../harness/paste-samples';
import { closeLocked, configureExtension, unlockWith } from '../harness/popup-flow';
import { callsOf, waitUntil } from '../harness/sandbox-control';
import { expectNoSecretsLeaked, SecretSet } from '../harness/secret-scan';
import { FIXTURES_DIR, startSigninFixtureServer, type SigninFixtureServer } from '../harness/signin-fixture-server';

/**
 * What a malicious web page can do against the installed extension, tried for real: reach the
 * background (no runtime messaging without externally_connectable), load or frame the extension's
 * pages and files (nothing is web-accessible), see into the sign-in prompt (a closed shadow root,
 * built in the content script's own world, where the page's patched DOM methods do not reach), and
 * make the prompt open the resync UI without the user. A forged message from inside a content
 * script's world cannot be sent by these drivers; background/message-router.fuzz.test.ts covers it.
 */
export type HostilePageLauncher = (extensionDir: string, server: SigninFixtureServer) => Promise<ExtensionDriver>;

const PROMPT = 'mfa-resync-prompt';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css' };

/** Plain http on 127.0.0.1: a hostile page, and the sign-in fixtures on a host no match pattern covers. */
async function startHostileServer(): Promise<{ url: (path: string) => string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/hostile.html') {
      response.writeHead(200, { 'content-type': TYPES['.html'] }).end('<!doctype html><title>hostile</title><p>hi</p>');
      return;
    }
    const file = resolve(FIXTURES_DIR, `.${path}`);
    const type = TYPES[extname(file)];
    if (!file.startsWith(FIXTURES_DIR + sep) || !type) return void response.writeHead(404).end();
    readFile(file).then(
      (body) => response.writeHead(200, { 'content-type': type }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/**
 * Everything a page script can try, run in the page's own world; returns what got through. Self-
 * contained: the drivers send its source text to the page, so it can use nothing from this module.
 */
async function attack(arg: unknown) {
  const extensionBase = arg as string;
  const g = globalThis as unknown as {
    chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown> } };
    browser?: { runtime?: unknown };
  };
  let messaging = 'unavailable';
  if (g.chrome?.runtime?.sendMessage) {
    try {
      const reply = await g.chrome.runtime.sendMessage(new URL(extensionBase).host, { type: 'vault/status' });
      messaging = reply === undefined ? 'no answer' : `ANSWERED ${JSON.stringify(reply)}`;
    } catch {
      messaging = 'rejected';
    }
  }
  const fetched: string[] = [];
  for (const path of ['manifest.json', 'popup/index.html', 'icons/icon-16.png', '_locales/en/messages.json']) {
    try {
      fetched.push(`${path}: HTTP ${(await fetch(`${extensionBase}/${path}`)).status}`);
    } catch {
      // blocked, as it must be
    }
  }
  const imageLoaded = await new Promise<boolean>((done) => {
    const image = new Image();
    image.onload = () => done(true);
    image.onerror = () => done(false);
    image.src = `${extensionBase}/icons/icon-16.png`;
  });
  const frame = document.createElement('iframe');
  frame.src = `${extensionBase}/popup/index.html`;
  document.body.append(frame);
  await new Promise((done) => setTimeout(done, 1_500));
  return { messaging, browserNamespace: typeof g.browser?.runtime, fetched, imageLoaded };
}

export function describeHostilePage(name: string, launch: HostilePageLauncher, extensionDir: string): void {
  describe(`a hostile web page in ${name}`, () => {
    let signin: SigninFixtureServer;
    let hostile: Awaited<ReturnType<typeof startHostileServer>>;
    let sandbox: RunningSandbox;
    let driver: ExtensionDriver;
    let popup: ExtensionPage;
    const opened: WebPage[] = [];
    const bob = longTermKeys('bob');
    const secrets = new SecretSet().addCredentials('bob', bob);
    const listCalls = async () => (await callsOf(sandbox.url, 'ListMFADevices')).length;

    beforeAll(async () => {
      [signin, hostile, sandbox] = await Promise.all([
        startSigninFixtureServer(),
        startHostileServer(),
        startSandbox(),
      ]);
      driver = await launch(extensionDir, signin);
      await configureExtension(driver, sandbox.url);
      // Unlocked, so that any extension page the attacker got to load would list devices: every
      // popup asks for them on opening, and the sandbox counts the ListMFADevices calls.
      popup = await unlockWith(driver, bashExport(bob));
      await popup.textOf('devices');
    });
    afterEach(async () => {
      await expectNoSecretsLeaked(driver, secrets, { pages: [popup, ...opened] });
    });
    afterAll(async () => {
      if (popup) await closeLocked(popup).catch(() => undefined);
      await driver?.close();
      await Promise.all([sandbox?.close(), hostile?.close(), signin?.close()]);
    });

    it('cannot message the background, fetch, embed or frame any extension file', async () => {
      const viewsBefore = (await driver.extensionViews()).length;
      const listsBefore = await listCalls();
      const page = await driver.openUrl(hostile.url('/hostile.html'));
      opened.push(page);
      const result = await page.evaluate(attack, driver.extensionBaseUrl);
      expect(result).toEqual({
        messaging: 'unavailable',
        browserNamespace: 'undefined',
        fetched: [],
        imageLoaded: false,
      });
      // Had the framed popup loaded, it would be an extension view and would have listed devices.
      expect((await driver.extensionViews()).length).toBe(viewsBefore);
      expect(await listCalls()).toBe(listsBefore);
    });

    it('the positive control: a popup the user opens is seen by both signals', async () => {
      const listsBefore = await listCalls();
      const viewsBefore = (await driver.extensionViews()).length;
      const own = await driver.openPage('popup/index.html');
      await waitUntil('the new popup to list devices', async () => (await listCalls()) > listsBefore);
      expect((await driver.extensionViews()).length).toBe(viewsBefore + 1);
      await own.close();
    });

    it('the scan itself finds a planted secret and code, and names them by label only', async () => {
      const page = await driver.openUrl(hostile.url('/hostile.html'));
      await page.evaluate(
        (planted) => {
          const [secret, code] = planted as [string, string];
          document.title = `leak ${secret}`;
          const field = document.body.appendChild(document.createElement('input'));
          field.value = code;
        },
        [bob.secretAccessKey, '424242'],
      );
      const planted = new SecretSet().addCredentials('bob', bob).addCodes('planted', '424242', '434343');
      const error = await expectNoSecretsLeaked(driver, planted, { pages: [page], freshPopup: false }).catch(
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      );
      expect(error).toContain('page 1 DOM: bob secret access key');
      expect(error).toContain('page 1 input values: planted code 1');
      expect(error).not.toContain('planted code 2');
      expect(error).not.toContain(bob.secretAccessKey);
      await page.close();
    });

    it('the content script is not injected into a plain-http page on 127.0.0.1, even one that looks like sign-in', async () => {
      const page = await driver.openUrl(hostile.url('/legacy/iam-mfa.html'));
      opened.push(page);
      for (let i = 0; i < 2; i += 1) {
        await page.fill('mfa-code', '000000');
        await page.click('mfa-submit-button');
        await page.textOf('signin-error', 5_000);
      }
      await new Promise((done) => setTimeout(done, 1_500));
      expect(await page.evaluate(() => document.querySelector('mfa-resync-prompt') !== null)).toBe(false);
      expect((await driver.readStorage('session'))['prefill']).toBeUndefined();
    });

    it("on the sign-in page, the page's script cannot open, patch into or click the prompt", async () => {
      const page = await driver.openUrl(signin.url('signin.aws.amazon.com', '/legacy/iam-mfa.html'));
      opened.push(page);
      // The page patches attachShadow before the prompt exists, to catch the root being made.
      await page.evaluate(() => {
        const captured: ShadowRoot[] = [];
        const original = Element.prototype.attachShadow;
        Element.prototype.attachShadow = function (init: ShadowRootInit) {
          const root = original.call(this, { ...init, mode: 'open' });
          captured.push(root);
          return root;
        };
        (window as unknown as { captured: ShadowRoot[] }).captured = captured;
      });
      await page.fill('mfa-code', '000000');
      await page.click('mfa-submit-button');
      await waitUntil('the prompt', () => page.evaluate(() => document.querySelector('mfa-resync-prompt') !== null));
      // It rendered (the automation protocol can look inside closed roots; the page cannot).
      expect(await page.countInShadow(PROMPT, 'button')).toBeGreaterThan(0);
      const viewsBefore = (await driver.extensionViews()).length;
      const seen = await page.evaluate(() => {
        const host = document.querySelector('mfa-resync-prompt') as HTMLElement;
        let replaced = 'no';
        try {
          host.attachShadow({ mode: 'open' });
          replaced = 'yes';
        } catch {
          // a second root is refused
        }
        // Forged input at the host and at the window; the buttons inside are out of reach.
        for (const type of ['click', 'keydown', 'submit'])
          host.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
        host.click();
        host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        window.postMessage({ type: 'content/open-resync', hints: { isRoot: false } }, '*');
        const g = globalThis as unknown as { chrome?: { runtime?: unknown }; browser?: unknown };
        return {
          shadowRoot: host.shadowRoot === null,
          captured: (window as unknown as { captured: ShadowRoot[] }).captured.length,
          light: host.childNodes.length,
          replaced,
          runtime: typeof g.chrome?.runtime,
          browser: typeof g.browser,
        };
      });
      expect(seen).toEqual({
        shadowRoot: true,
        captured: 0,
        light: 0,
        replaced: 'no',
        runtime: 'undefined',
        browser: 'undefined',
      });
      await new Promise((done) => setTimeout(done, 1_000));
      expect((await driver.readStorage('session'))['prefill']).toBeUndefined();
      expect((await driver.extensionViews()).length).toBe(viewsBefore);
    });
  });
}
