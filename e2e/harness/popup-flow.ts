// Steps the e2e scenarios share: configure the extension for a sandbox and drive the popup through
// its data-testid contract (unlock, pick a device, send two codes, read the result). Everything here works through the driver
// interface only, so it behaves the same in Chromium and Firefox.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtensionDriver, ExtensionPage } from './driver';
import { shortSerial } from '../../src/shared/serial-kind';
import { waitUntil } from './sandbox-control';

// ---- extension set-up ------------------------------------------------------------------------

/** Points the extension at the sandbox; `extra` settings (e.g. idleLockMinutes) replace the rest. */
export async function configureExtension(
  driver: ExtensionDriver,
  sandboxUrl: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await driver.writeStorage('local', { settings: { endpointOverride: sandboxUrl, ...extra } });
}

/** The built extension's English messages, to check that the popup shows the catalog's texts. */
export function localeMessages(extensionDir: string): (key: string) => string {
  const messages = JSON.parse(readFileSync(join(extensionDir, '_locales', 'en', 'messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;
  return (key) => {
    const entry = messages[key];
    if (!entry) throw new Error(`no message ${key} in ${extensionDir}/_locales/en/messages.json`);
    return entry.message;
  };
}

// ---- popup -----------------------------------------------------------------------------------

export const POPUP = 'popup/index.html';

/** Which testids are visible right now (absent or hidden ones are left out). */
export async function visibleTestIds(popup: ExtensionPage, testIds: readonly string[]): Promise<string[]> {
  return popup.evaluate((ids) => {
    const isShown = (el: Element) =>
      typeof (el as HTMLElement).checkVisibility === 'function'
        ? (el as HTMLElement).checkVisibility()
        : (el as HTMLElement).offsetParent !== null;
    return (ids as string[]).filter((id) => [...document.querySelectorAll(`[data-testid="${id}"]`)].some(isShown));
  }, testIds);
}

/** Waits until one of `testIds` is visible and returns which. */
export async function firstVisible(
  popup: ExtensionPage,
  testIds: readonly string[],
  timeoutMs = 20_000,
): Promise<string> {
  return waitUntil(
    `one of ${testIds.join(', ')} to be visible`,
    async () => (await visibleTestIds(popup, testIds))[0],
    timeoutMs,
    50,
  );
}

/** True when no device list is shown as still being refreshed. */
export async function listSettled(popup: ExtensionPage): Promise<boolean> {
  return popup.evaluate(() => document.querySelector('[aria-busy="true"]') === null);
}

/** Opens the popup and waits until it has asked the background for its status. */
export async function openPopup(driver: ExtensionDriver): Promise<ExtensionPage> {
  const popup = await driver.openPage(POPUP);
  await firstVisible(popup, ['credentials-form', 'session', 'success-view']);
  return popup;
}

/** Opens the popup with the vault locked (pressing Lock if credentials are still unlocked). */
export async function openLockedPopup(driver: ExtensionDriver): Promise<ExtensionPage> {
  const popup = await openPopup(driver);
  // The last success is still shown (and its keys may be kept for the check): Done ends that.
  if ((await visibleTestIds(popup, ['success-view'])).length > 0) {
    await popup.click('done');
    await firstVisible(popup, ['credentials-form', 'session']);
  }
  if ((await visibleTestIds(popup, ['session'])).length > 0) {
    // Let the device list the popup loads on opening arrive first, so no AWS call of this popup
    // is still in flight once the test starts counting calls.
    await firstVisible(popup, ['devices', 'no-devices', 'error'], 5_000).catch(() => undefined);
    // A list from earlier in the session shows at once while IAM is asked again (aria-busy).
    await waitUntil('the device list to be refreshed', () => listSettled(popup), 5_000, 50).catch(() => undefined);
    await popup.click('lock');
    await popup.textOf('credentials-form');
  }
  return popup;
}

export interface ShownError {
  code: string | null;
  text: string;
}

/** Every visible error notice: its catalog code (data-code) and full text. */
export async function shownErrors(popup: ExtensionPage): Promise<ShownError[]> {
  return popup.evaluate(() =>
    [...document.querySelectorAll('[data-testid="error"]')]
      .filter((el) => (el as HTMLElement).checkVisibility?.() ?? true)
      .map((el) => ({ code: el.getAttribute('data-code'), text: (el.textContent ?? '').replace(/\s+/g, ' ').trim() })),
  );
}

const errorKey = (error: ShownError) => `${error.code ?? ''}|${error.text}`;

/** Waits for an error notice (one not in `ignore`, a list of earlier notices) and returns it. */
export async function waitForError(
  popup: ExtensionPage,
  ignore: readonly ShownError[] = [],
  timeoutMs = 20_000,
): Promise<ShownError> {
  const old = new Set(ignore.map(errorKey));
  return waitUntil(
    'an error notice',
    async () => (await shownErrors(popup)).find((e) => !old.has(errorKey(e))),
    timeoutMs,
    50,
  );
}

/** What the popup answered to an action: a testid that newly appeared, or a new error notice. */
export interface Answer {
  shown: string;
  error?: ShownError;
}

/**
 * Runs `action` and waits for its answer: one of `answerIds` becoming visible, or an error notice
 * that was not on screen before (a notice left from an earlier attempt is not mistaken for it).
 */
export async function answerTo(
  popup: ExtensionPage,
  action: () => Promise<void>,
  answerIds: readonly string[],
  timeoutMs = 20_000,
): Promise<Answer> {
  const before = await shownErrors(popup);
  const old = new Set(before.map(errorKey));
  const wasVisible = new Set(await visibleTestIds(popup, answerIds));
  await action();
  return waitUntil(
    `one of ${[...answerIds, 'a new error notice'].join(', ')}`,
    async (): Promise<Answer | undefined> => {
      const fresh = (await visibleTestIds(popup, answerIds)).find((id) => !wasVisible.has(id));
      if (fresh) return { shown: fresh };
      const error = (await shownErrors(popup)).find((e) => !old.has(errorKey(e)));
      return error ? { shown: 'error', error } : undefined;
    },
    timeoutMs,
    50,
  );
}

/** The error notice of an answer; fails, showing what appeared instead, if there was none. */
export function errorOf(answer: Answer): ShownError {
  if (answer.shown !== 'error' || !answer.error)
    throw new Error(`expected an error notice, the popup showed ${answer.shown}`);
  return answer.error;
}

/**
 * Pastes `paste` and presses Unlock. The answer is 'session' once unlocked, 'profile-select' when
 * the popup asks which profile to use, or 'error' with the notice.
 */
export async function submitPaste(popup: ExtensionPage, paste: string): Promise<Answer> {
  return answerTo(popup, async () => {
    await popup.fill('paste', paste);
    await popup.click('unlock');
  }, ['session', 'profile-select']);
}

/** A locked popup, unlocked with `paste`; fails with the shown error if unlocking fails. */
export async function unlockWith(driver: ExtensionDriver, paste: string): Promise<ExtensionPage> {
  const popup = await openLockedPopup(driver);
  const answer = await submitPaste(popup, paste);
  if (answer.shown !== 'session') throw new Error(`unlock did not reach a session: ${JSON.stringify(answer)}`);
  return popup;
}

/**
 * The credential kind the session bar shows: its data-kind, or else read from its text (an MFA
 * session made with a second device counts as temporary).
 */
export async function sessionKind(
  popup: ExtensionPage,
  msg: (key: string) => string,
): Promise<'temporary' | 'long-term' | string> {
  const attribute = await popup.attributeOf('session', 'data-kind');
  if (attribute) return attribute;
  const text = await popup.textOf('session');
  if (text.includes(msg('kind_long_term'))) return 'long-term';
  if (text.includes(msg('kind_temporary'))) return 'temporary';
  return `unknown (${text})`;
}

/** Waits until the device list shows `serial` and selects it. */
export async function pickDevice(popup: ExtensionPage, serial: string): Promise<void> {
  const shown = shortSerial(serial); // as the device list shows it
  await waitUntil(
    `device ${shown} in the list`,
    async () => (await popup.textOf('devices')).includes(shown),
    20_000,
    50,
  );
  await popup.clickLabel(shown);
}

/** Fills the two code fields and presses Resync (does not wait for the answer). */
export async function sendCodes(popup: ExtensionPage, code1: string, code2: string): Promise<void> {
  await popup.fill('code1', code1);
  await popup.fill('code2', code2);
  await popup.click('resync');
}

/**
 * Sends two codes and waits for the end of the resync: 'outcome-success', 'outcome-unknown' (the
 * worker died mid-flight) or 'error' with the notice.
 */
export async function resyncWith(
  popup: ExtensionPage,
  code1: string,
  code2: string,
  timeoutMs = 20_000,
): Promise<Answer> {
  return answerTo(popup, () => sendCodes(popup, code1, code2), ['outcome-success', 'outcome-unknown'], timeoutMs);
}

/** Chooses an <option> of the <select> data-testid=testId by value, or by visible text containing `wanted`. */
export async function selectOption(
  popup: ExtensionPage,
  testId: string,
  wanted: string,
  timeoutMs = 20_000,
): Promise<void> {
  await popup.textOf(testId, timeoutMs);
  const chosen = await popup.evaluate(
    (arg) => {
      const { id, want } = arg as { id: string; want: string };
      const select = document.querySelector(`[data-testid="${id}"]`);
      if (!(select instanceof HTMLSelectElement)) return { error: `[data-testid=${id}] is not a <select>` };
      const options = [...select.options];
      const option = options.find((o) => o.value === want) ?? options.find((o) => (o.textContent ?? '').includes(want));
      if (!option)
        return { error: `no option "${want}" in [${options.map((o) => `${o.value}|${o.textContent}`).join(', ')}]` };
      select.value = option.value;
      // What a user's choice fires (and Playwright's selectOption): input, then change.
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return { value: option.value };
    },
    { id: testId, want: wanted },
  );
  if ('error' in chosen) throw new Error(chosen.error);
}

/** Sends one protocol message (src/shared/messages.ts) from an extension page, as the popup does. */
export async function sendToBackground<T = unknown>(
  popup: ExtensionPage,
  message: Record<string, unknown>,
): Promise<T> {
  return popup.evaluate((msg) => {
    const g = globalThis as unknown as {
      browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
      chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    };
    return (g.browser ?? g.chrome).runtime.sendMessage(msg);
  }, message) as Promise<T>;
}

/** Locks the vault through the popup's own message, then closes the popup: the next test starts locked. */
export async function closeLocked(popup: ExtensionPage): Promise<void> {
  await sendToBackground(popup, { type: 'vault/lock' });
  await popup.close();
}

/** Everything a person (or a screenshot) could read off the page: the markup plus live field values. */
export async function readablePageText(popup: ExtensionPage): Promise<string> {
  return popup.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea, select')].map(
      (el) => (el as HTMLInputElement).value,
    );
    return `${document.documentElement.outerHTML}\n${values.join('\n')}`;
  });
}

// ---- secrets ---------------------------------------------------------------------------------

/** The text of data-testid=testId if it is in the page now, else undefined (never waits). */
export async function textIfPresent(popup: ExtensionPage, testId: string): Promise<string | undefined> {
  return popup.evaluate(
    (id) => document.querySelector(`[data-testid="${id as string}"]`)?.textContent ?? undefined,
    testId,
  );
}
