import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../sandbox/server';
import { SANDBOX_ACCOUNT_ID } from '../sandbox/seed';
import type { DriverFactory, ExtensionDriver, ExtensionPage } from '../harness/driver';
import { bashExport, carolSession, longTermKeys, type PasteCredentials } from '../harness/paste-samples';
import {
  answerTo,
  closeLocked,
  configureExtension,
  errorOf,
  localeMessages,
  openLockedPopup,
  openPopup,
  pickDevice,
  resyncWith,
  submitPaste,
  unlockWith,
  type ShownError,
} from '../harness/popup-flow';
import {
  callsOf,
  injectFault,
  markCalls,
  resetSandbox,
  waitForFaultTaken,
  waitUntil,
} from '../harness/sandbox-control';
import { phoneCodes } from '../harness/sandbox-client';
import { expectNoSecretsLeaked, SecretSet } from '../harness/secret-scan';

const mfa = (name: string) => `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:mfa/${name}`;
const BOB_TABLET = mfa('bob-tablet');
const CAROL_PHONE = mfa('carol-phone');
/** background/aws-clients.ts REQUEST_TIMEOUT_MS is 15 s; the sandbox answers a second later. */
const BEYOND_TIMEOUT_MS = 16_000;

/**
 * Faults between the extension and AWS, injected by the sandbox or by pointing the extension at
 * an address that cannot answer: each ends in one clear catalog message, never in a second
 * ResyncMFADevice (codes are single-use), and codes are cleared exactly when AWS may have used them.
 * Two popups racing the same pair send it once. After every test, the secret scan.
 */
export function describeFaults(name: string, launch: DriverFactory, extensionDir: string): void {
  describe(`faults in ${name}`, () => {
    let sandbox: RunningSandbox;
    let driver: ExtensionDriver;
    const msg = localeMessages(extensionDir);
    let secrets: SecretSet;
    let pages: ExtensionPage[];

    beforeAll(async () => {
      sandbox = await startSandbox({ port: 0 });
      driver = await launch(extensionDir);
    });
    afterAll(async () => {
      await driver?.close();
      await sandbox?.close();
    });
    beforeEach(async () => {
      await resetSandbox(sandbox.url);
      await configureExtension(driver, sandbox.url);
      secrets = new SecretSet();
      pages = [];
    });
    afterEach(async () => {
      // The fresh popup would list devices through whatever override the test left: restore first.
      await configureExtension(driver, sandbox.url);
      await expectNoSecretsLeaked(driver, secrets, { pages, codesInInputs: false });
      for (const page of pages) await page.close().catch(() => undefined);
      // The vault outlives a failed resync; lock it so the next test starts from the paste box. From
      // the options page, not a popup: an unlocked popup lists devices as it opens, and that call
      // could reach the sandbox after the next test's reset (a stray 200 in its call log).
      await closeLocked(await driver.openPage('options/index.html'));
    });

    /** A popup unlocked with `creds`, showing `serial` selected; the secrets join the scan. */
    async function unlocked(label: string, creds: PasteCredentials, serial?: string): Promise<ExtensionPage> {
      secrets.addCredentials(label, creds);
      const popup = await unlockWith(driver, bashExport(creds));
      pages.push(popup);
      if (serial) await pickDevice(popup, serial);
      return popup;
    }
    // Made-up, well-formed pairs, new for every attempt: the extension refuses a pair it has sent
    // before (for the session's lifetime), and the phone's real pair repeats for 30 s.
    let pairs = 0;
    function madeUpPair(): [string, string] {
      pairs += 1;
      const pair: [string, string] = [String(300_000 + pairs * 2), String(300_001 + pairs * 2)];
      secrets.addCodes('made-up', ...pair);
      return pair;
    }
    async function phone(serial: string): Promise<[string, string]> {
      const { codes } = await phoneCodes(sandbox.url, serial);
      secrets.addCodes(serial, ...codes);
      return codes;
    }
    function expectCatalogText(error: ShownError, code: string, nextKey = `error_${code}_next`): void {
      expect(error.code).toBe(code);
      expect(error.text).toContain(msg(`error_${code}_title`));
      expect(error.text).toContain(msg(nextKey));
    }
    const codesShown = async (popup: ExtensionPage) => [await popup.valueOf('code1'), await popup.valueOf('code2')];
    const resyncStatuses = async () => (await callsOf(sandbox.url, 'ResyncMFADevice')).map((c) => c.status);

    it('a ResyncMFADevice slower than the 15 s request timeout: NetworkTimeout, one call, codes cleared and refused if re-sent', async () => {
      const popup = await unlocked('bob', longTermKeys('bob'), BOB_TABLET);
      const codes = madeUpPair();
      await injectFault(sandbox.url, { action: 'ResyncMFADevice', latencyMs: BEYOND_TIMEOUT_MS });
      const started = Date.now();
      const error = errorOf(await resyncWith(popup, ...codes, BEYOND_TIMEOUT_MS + 10_000));
      expectCatalogText(error, 'NetworkTimeout');
      expect(Date.now() - started).toBeGreaterThanOrEqual(14_000);
      // The request may have been processed (here IAM answers a second later): the codes are gone
      // (cleared in the render after the error appears, so wait for it)...
      await waitUntil('the codes to be cleared', async () => (await codesShown(popup)).join('') === '', 2_000);
      expect(await codesShown(popup)).toEqual(['', '']);
      await waitUntil(
        'the slow request to finish at the sandbox',
        async () => (await resyncStatuses()).length === 1,
        5_000,
      );
      // ...and typing the same pair again is refused locally, without a second call.
      const again = errorOf(await resyncWith(popup, ...codes));
      expect(again.code).toBe('CodesAlreadyUsed');
      expect(again.text).toContain(msg('error_CodesAlreadyUsed_title'));
      expect(await resyncStatuses()).toEqual([403]);
    });

    // Chromium and Firefox both replay a request, POST included, on a fresh connection when a
    // reused keep-alive connection dies before any answer (their guard against the server closing
    // an idle connection just as the request leaves). The extension cannot turn that off: fetch has
    // no switch for it. So the pair can reach IAM twice, the second time as the browser's replay,
    // and the user sees what the replay got. See docs/security.md "Faults the browser handles".
    it('a connection reset during ResyncMFADevice: one clear message, codes cleared, the extension sends the pair once', async () => {
      const popup = await unlocked('bob', longTermKeys('bob'), BOB_TABLET);
      const codes = madeUpPair();
      await injectFault(sandbox.url, { action: 'ResyncMFADevice', resetConnection: true });
      const error = errorOf(await resyncWith(popup, ...codes));
      expect(['NetworkOffline', 'InvalidAuthenticationCode']).toContain(error.code);
      expectCatalogText(error, error.code ?? '');
      await waitUntil('the codes to be cleared', async () => (await codesShown(popup)).join('') === '', 2_000);
      expect(await codesShown(popup)).toEqual(['', '']);
      await new Promise((done) => setTimeout(done, 500));
      const [reset, ...replays] = await callsOf(sandbox.url, 'ResyncMFADevice');
      expect([reset?.status, reset?.code]).toEqual([0, 'ConnectionReset']);
      // At most the browser's one replay: the same request, at once (not a retry of ours).
      expect(replays.length).toBeLessThanOrEqual(1);
      for (const replay of replays) {
        expect(replay.params).toEqual(reset?.params);
        expect(Date.parse(replay.at) - Date.parse(reset?.at ?? '')).toBeLessThan(2_000);
      }
      // The extension itself never sends that pair again.
      expect(errorOf(await resyncWith(popup, ...codes)).code).toBe('CodesAlreadyUsed');
      expect(await callsOf(sandbox.url, 'ResyncMFADevice')).toHaveLength(1 + replays.length);
    });

    it.each([
      ['nothing listens (connection refused)', 'http://127.0.0.1:1'],
      ['the host does not resolve (DNS)', 'https://mfa-resync-e2e.invalid'],
    ])(
      'AWS unreachable, %s: NetworkOffline with what to check, nothing reaches the sandbox',
      async (_what, endpoint) => {
        const popup = await unlocked('bob', longTermKeys('bob'), BOB_TABLET);
        const codes = madeUpPair();
        await configureExtension(driver, endpoint);
        const error = errorOf(await resyncWith(popup, ...codes));
        // A browser's fetch reports refused and unresolvable alike ("Failed to fetch" / "NetworkError"),
        // so both map to NetworkOffline, whose advice covers DNS too; the codes are cleared because
        // the extension cannot tell that the pair never left.
        expectCatalogText(error, 'NetworkOffline');
        // The fields clear a render after the notice shows (as in the tests above).
        await waitUntil('the codes to be cleared', async () => (await codesShown(popup)).join('') === '', 2_000);
        expect(await callsOf(sandbox.url, 'ResyncMFADevice')).toEqual([]);
      },
    );

    it('one Throttling answer on ListMFADevices is retried by the SDK and the devices still load', async () => {
      await injectFault(sandbox.url, { action: 'ListMFADevices', status: 400, code: 'Throttling', times: 1 });
      const popup = await unlocked('bob', longTermKeys('bob'), BOB_TABLET);
      expect(await popup.textOf('devices')).toContain('bob-tablet');
      const lists = await callsOf(sandbox.url, 'ListMFADevices');
      expect(lists.slice(0, 2).map((c) => [c.status, c.code])).toEqual([
        [400, 'Throttling'],
        [200, null],
      ]);
    });

    it('ListMFADevices throttled on every attempt: a clear Throttling message after the SDK gives up', async () => {
      const bob = longTermKeys('bob');
      secrets.addCredentials('bob', bob);
      const popup = await openLockedPopup(driver);
      pages.push(popup);
      // Count only this unlock's calls: a popup the previous test's clean-up opened may still have
      // a device listing of its own in flight when this test starts.
      const callsSince = await markCalls(sandbox.url);
      await injectFault(sandbox.url, { action: 'ListMFADevices', status: 400, code: 'Throttling', times: 5 });
      const answer = await answerTo(popup, async () => {
        await popup.fill('paste', bashExport(bob));
        await popup.click('unlock');
      }, ['devices', 'no-devices']);
      // The listing's own next step: no codes were entered, so it must not ask for two new ones.
      expectCatalogText(errorOf(answer), 'Throttling', 'error_Throttling_next_again');
      expect(errorOf(answer).text).not.toContain(msg('error_Throttling_next'));
      // maxAttempts 3 for listing (background/aws-clients.ts), then the error.
      expect((await callsSince('ListMFADevices')).map((c) => c.code)).toEqual([
        'Throttling',
        'Throttling',
        'Throttling',
      ]);
    });

    it("the session expires mid-flow (carol's temporary credentials): ExpiredToken asks for fresh ones and the codes survive the re-unlock", async () => {
      const popup = await unlocked('carol session', carolSession(), CAROL_PHONE);
      const codes = madeUpPair();
      await injectFault(sandbox.url, { action: 'ResyncMFADevice', status: 403, code: 'ExpiredToken' });
      const error = errorOf(await resyncWith(popup, ...codes));
      expectCatalogText(error, 'ExpiredToken');
      expect(error.text).toMatch(/paste them again/i);
      // Expired credentials are useless: the vault is wiped and the paste box is back at once.
      expect((await driver.readStorage('session'))['vault']).toBeUndefined();
      expect(await popup.isVisible('paste')).toBe(true);
      // IAM refused the signature before looking at the codes: after pasting fresh credentials the
      // same codes are still in their fields for the next attempt.
      expect((await submitPaste(popup, bashExport(carolSession()))).shown).toBe('session');
      await popup.textOf('codes-form');
      expect(await codesShown(popup)).toEqual(codes);
      expect(await resyncStatuses()).toEqual([403]);
      // Typed codes are legitimately still in this popup's fields; close it before the scan.
      await popup.close();
    });

    it('two popup tabs send the same pair at the same moment: one ResyncMFADevice, the other says CodesAlreadyUsed', async () => {
      const first = await unlocked('bob', longTermKeys('bob'), BOB_TABLET);
      // The second tab shares the vault: it opens unlocked, with the same device list.
      const second = await openPopup(driver);
      pages.push(second);
      await pickDevice(second, BOB_TABLET);
      const codes = await phone(BOB_TABLET);
      // Hold the first request at the sandbox so both are in the background at once.
      await injectFault(sandbox.url, { action: 'ResyncMFADevice', latencyMs: 3_000 });
      for (const popup of [first, second]) {
        await popup.fill('code1', codes[0]);
        await popup.fill('code2', codes[1]);
      }
      // Pressed by script in both tabs at once: the drivers' clicks wait for an animation frame,
      // which a background tab does not get, and would serialize the two.
      const press = (popup: ExtensionPage) => () =>
        popup.evaluate(() => (document.querySelector('[data-testid="resync"]') as HTMLButtonElement).click());
      const answers = await Promise.all(
        [first, second].map((popup) => answerTo(popup, press(popup), ['outcome-success', 'outcome-unknown'])),
      );
      await waitForFaultTaken(sandbox.url);
      const shown = answers.map((a) => (a.shown === 'error' ? a.error?.code : a.shown)).sort();
      expect(shown).toEqual(['CodesAlreadyUsed', 'outcome-success']);
      expect(await resyncStatuses()).toEqual([200]);
    });

    it('the same pair sent twice in the same instant (a double click): one ResyncMFADevice, the other refused', async () => {
      const popup = await unlocked('bob', longTermKeys('bob'), BOB_TABLET);
      const [code1, code2] = madeUpPair();
      // Two protocol messages from one page in one tick: the tightest race the background can see
      // (two popups clicking are milliseconds apart). Without the atomic claim both were sent.
      const replies = await popup.evaluate(
        (arg) => {
          const { serialNumber, code1, code2 } = arg as Record<string, string>;
          const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
          const runtime = (g.browser ?? g.chrome).runtime;
          const send = () =>
            runtime.sendMessage({
              type: 'resync/start',
              attemptId: crypto.randomUUID(),
              userName: 'bob',
              serialNumber,
              code1,
              code2,
            }) as Promise<{ value?: { status?: string; error?: { code?: string } } }>;
          return Promise.all([send(), send()]);
        },
        { serialNumber: BOB_TABLET, code1, code2 },
      );
      const codes = replies.map((r) => r.value?.error?.code).sort();
      expect(codes).toEqual(['CodesAlreadyUsed', 'InvalidAuthenticationCode']);
      expect(await resyncStatuses()).toEqual([403]);
    });

    it('browser restart: the credentials are gone, the settings of the same profile stay', async () => {
      await unlocked('carol session', carolSession());
      expect((await driver.readStorage('session'))['vault']).toBeDefined();
      // A non-secret marker in the settings: finding it after the restart proves the browser came
      // back on the same profile, so an empty vault is the restart's doing, not a fresh profile's.
      // (Firefox reinstalls its temporary add-on on restart and keeps storage.local too.)
      await configureExtension(driver, sandbox.url, { idleLockMinutes: 23 });
      await driver.restart();
      expect((await driver.readStorage('session'))['vault']).toBeUndefined();
      const popup = await openPopup(driver);
      pages.push(popup);
      expect(await popup.isVisible('paste')).toBe(true);
      expect((await driver.readStorage('local'))['settings']).toEqual({
        endpointOverride: sandbox.url,
        idleLockMinutes: 23,
      });
    });
  });
}
