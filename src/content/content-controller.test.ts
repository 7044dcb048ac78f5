// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ContentScriptRequest } from '../shared/messages';
import type { ContentApi } from './extension-api';
import { fakeExtension, type FakeExtension } from './fake-content-api';
import { sleep, submitCode, useContentScript } from './fixture-dom';
import { PROMPT_HOST_TAG } from './prompt';

// The whole content script over the fixtures, with a fake extension API (fake-content-api.ts) that
// records what would reach the background.

const { start, shadowRoot } = useContentScript();

const failuresSeen = (sent: ContentScriptRequest[]) => sent.filter((m) => m.type === 'content/mfa-failure-seen');
/** Everything but the submit flag, which is sent before the settings are known and carries nothing. */
const reports = (sent: ContentScriptRequest[]) => sent.filter((m) => m.type !== 'content/mfa-code-submitted');

async function reject(sent: ContentScriptRequest[]) {
  const before = failuresSeen(sent).length;
  submitCode();
  await vi.waitFor(() => expect(failuresSeen(sent)).toHaveLength(before + 1), { timeout: 2_000, interval: 20 });
}

const host = () => document.querySelector(PROMPT_HOST_TAG);

/** Two more codes submitted and settled: nothing reported to the background, nothing shown. */
async function expectSilenceOverTwoSubmits(extension: FakeExtension) {
  for (let i = 0; i < 2; i++) {
    submitCode();
    await sleep(300);
  }
  expect(reports(extension.sent)).toEqual([]);
  // At most the first submit's content-free flag went out (its click and its form submit): the
  // listeners stop once the settings say off.
  expect(extension.sent.length).toBeLessThanOrEqual(2);
  expect(host()).toBeNull();
}
const role = () => shadowRoot()?.querySelector('[role]')?.getAttribute('role');
const button = (text: string) =>
  [...(shadowRoot()?.querySelectorAll('button') ?? [])].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent) === text,
  );

describe('page load', () => {
  it('touches no extension API until an MFA code is submitted, then reads the settings once', async () => {
    const extension = fakeExtension();
    const read = vi.spyOn(extension.api.storage.local, 'get');
    const touched: string[] = [];
    extension.api = new Proxy(extension.api, {
      get(target, name: keyof ContentApi) {
        touched.push(String(name));
        return target[name];
      },
    });
    await start('legacy/iam-mfa.html', extension);
    await sleep(100);
    expect(touched).toEqual([]);
    await reject(extension.sent);
    await reject(extension.sent);
    expect(touched).toContain('storage');
    expect(read).toHaveBeenCalledTimes(1);
  });
});

describe('turned off', () => {
  it.each([
    [
      'the user (settings.contentPromptEnabled: false)',
      () => fakeExtension({ settings: { contentPromptEnabled: false } }),
    ],
    ['policy (managed contentPromptEnabled: false)', () => fakeExtension({}, { contentPromptEnabled: false })],
  ])('by %s: stops listening at the first submit, reports and shows nothing', async (_who, makeExtension) => {
    const extension = makeExtension();
    const unlisten = vi.spyOn(window, 'removeEventListener');
    await start('legacy/iam-mfa.html', extension);
    submitCode();
    await vi.waitFor(() => expect(unlisten.mock.calls.map(([type]) => type)).toContain('submit'));
    await expectSilenceOverTwoSubmits(extension);
  });

  it('when the settings cannot be read (extension reloaded under the page): nothing reported or shown', async () => {
    const extension = fakeExtension();
    extension.api.storage.local.get = () => Promise.reject(new Error('Extension context invalidated.'));
    await start('legacy/iam-mfa.html', extension);
    await expectSilenceOverTwoSubmits(extension);
  });

  it('by policy that answers late: nothing is reported or shown before the answer', async () => {
    let answer: (value: Record<string, unknown>) => void = () => undefined;
    const extension = fakeExtension();
    extension.api.storage.managed = { get: () => new Promise((done) => (answer = done)) };
    await start('legacy/iam-mfa.html', extension);
    submitCode();
    await sleep(400);
    answer({ contentPromptEnabled: false });
    await sleep(50);
    expect(reports(extension.sent)).toEqual([]);
    expect(host()).toBeNull();
  });

  it('runs when there is no policy at all (managed storage unavailable)', async () => {
    const extension = fakeExtension({}, new Error('Managed storage manifest not found'));
    await start('legacy/iam-mfa.html', extension);
    await reject(extension.sent);
  });
});

describe('rejected codes on the legacy IAM-user page', () => {
  const hints = {
    isRoot: false,
    account: '123456789012',
    userName: 'alice',
    partition: 'aws',
    serialNumber: 'arn:aws:iam::123456789012:mfa/alice-phone',
  };

  it('first: report + quiet hint; second: report + clear prompt; Resync asks for the prefilled flow', async () => {
    const { api, sent, local } = fakeExtension();
    await start('legacy/iam-mfa.html', { api, sent, local });
    await reject(sent);
    expect(sent[0]).toEqual({ type: 'content/mfa-code-submitted' });
    expect(reports(sent)).toEqual([{ type: 'content/mfa-failure-seen', consecutive: 1, hints }]);
    expect(role()).toBe('status');
    await reject(sent);
    expect(reports(sent)[1]).toEqual({ type: 'content/mfa-failure-seen', consecutive: 2, hints });
    expect(role()).toBe('alertdialog');
    expect(document.querySelectorAll(PROMPT_HOST_TAG)).toHaveLength(1);
    button('«prompt_resync»')?.click();
    expect(sent.at(-1)).toEqual({ type: 'content/open-resync', hints });
    expect(host()).toBeNull();
    expect(local).toEqual({});
  });

  it('Resync from the quiet hint works too', async () => {
    const { api, sent, local } = fakeExtension();
    await start('legacy/iam-mfa.html', { api, sent, local });
    await reject(sent);
    button('«prompt_resync»')?.click();
    expect(sent.at(-1)).toEqual({ type: 'content/open-resync', hints });
  });

  it('"Ask an admin" on the clear prompt when the background offers it: it sends the page’s hints', async () => {
    const extension = fakeExtension();
    extension.askAdmin = true;
    await start('legacy/iam-mfa.html', extension);
    await reject(extension.sent);
    // The quiet hint stays one line.
    expect(button('«prompt_ask_admin»')).toBeUndefined();
    await reject(extension.sent);
    expect(role()).toBe('alertdialog');
    button('«prompt_ask_admin»')?.click();
    expect(extension.sent.at(-1)).toEqual({ type: 'content/ask-admin', hints });
    expect(host()).toBeNull();
  });

  it.each([false, undefined])('no "Ask an admin" when the background answers %s', async (askAdmin) => {
    const extension = fakeExtension();
    extension.askAdmin = askAdmin;
    await start('legacy/iam-mfa.html', extension);
    await reject(extension.sent);
    await reject(extension.sent);
    expect(role()).toBe('alertdialog');
    expect(button('«prompt_resync»')).toBeDefined();
    expect(button('«prompt_ask_admin»')).toBeUndefined();
  });

  it('closing the hint still lets the prompt come; "Not now" ends it for this MFA step', async () => {
    const extension = fakeExtension();
    await start('legacy/iam-mfa.html', extension);
    await reject(extension.sent);
    button('«prompt_close»')?.click();
    expect(host()).toBeNull();
    await reject(extension.sent);
    expect(role()).toBe('alertdialog');
    button('«prompt_not_now»')?.click();
    await reject(extension.sent);
    await sleep(100);
    expect(host()).toBeNull();
    // The background still hears about it (toolbar badge): only the page stays quiet.
    expect(failuresSeen(extension.sent).map((m) => m.type === 'content/mfa-failure-seen' && m.consecutive)).toEqual([
      1, 2, 3,
    ]);
  });

  it('"Don’t ask on this account" is remembered in storage.local and honoured on the next page', async () => {
    const extension = fakeExtension({ promptSuppressedAccounts: ['999999999999'] });
    await start('legacy/iam-mfa.html', extension);
    await reject(extension.sent);
    await reject(extension.sent);
    button('«prompt_dont_ask»')?.click();
    await vi.waitFor(() =>
      expect(extension.local['promptSuppressedAccounts']).toEqual(['999999999999', '123456789012']),
    );
    // The next page: a fresh content script (start() stops the one before).
    await start('legacy/iam-mfa.html', extension);
    await reject(extension.sent);
    await reject(extension.sent);
    await sleep(100);
    expect(host()).toBeNull();
  });
});

describe('other pages', () => {
  it('"code already used" on the /v2/ app: the clear prompt at the first rejection', async () => {
    const extension = fakeExtension();
    await start('v2/mfa.html', extension, 'https://signin.aws.amazon.com/v2/mfa.html?answer=used');
    await reject(extension.sent);
    expect(role()).toBe('alertdialog');
  });

  it('root user: no Resync of ours; "Show me" moves focus to the page’s troubleshoot link', async () => {
    const extension = fakeExtension();
    // An admin cannot resync a root user's MFA: no "Ask an admin" either, whatever the background says.
    extension.askAdmin = true;
    await start('legacy/root-mfa.html', extension);
    await reject(extension.sent);
    expect(shadowRoot()?.querySelector('p')?.textContent).toBe('«prompt_root_hint»');
    await reject(extension.sent);
    expect(shadowRoot()?.querySelector('h2')?.textContent).toBe('«prompt_root_title»');
    expect(button('«prompt_resync»')).toBeUndefined();
    expect(button('«prompt_dont_ask»')).toBeUndefined();
    expect(button('«prompt_ask_admin»')).toBeUndefined();
    button('«prompt_root_show»')?.click();
    expect(document.activeElement?.id).toBe('mfa_troubleshoot_link');
    expect(extension.sent.some((m) => m.type === 'content/open-resync')).toBe(false);
  });

  it('a wrong password: nothing reported, nothing shown', async () => {
    const extension = fakeExtension();
    await start('legacy/password-failure.html', extension);
    for (let i = 0; i < 2; i++) {
      document.querySelector<HTMLButtonElement>('[data-testid="signin-button"]')?.click();
      await sleep(300);
    }
    expect(extension.sent).toEqual([]);
    expect(host()).toBeNull();
  });
});
