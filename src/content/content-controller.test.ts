// @vitest-environment happy-dom
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextRecord, type SignInTabRecord } from '../../background/signin-tab-rules';
import { ContentScriptRequest } from '../shared/messages';
import { startContentScript } from './content-controller';
import type { ContentApi } from './extension-api';
import { captureShadowRoot, loadFixture, sleep, submitCode } from './fixture-dom';
import { PROMPT_HOST_TAG } from './prompt';

// The whole content script over the fixtures, with a fake extension API that records what would
// reach the background. Every message must pass the background's own schema; the tab's record is
// kept by the background's own rules (background/signin-tab-rules.ts), as for one tab.

interface FakeExtension {
  api: ContentApi;
  sent: ContentScriptRequest[];
  local: Record<string, unknown>;
}

function fakeExtension(
  local: Record<string, unknown> = {},
  managed: Record<string, unknown> | Error = {},
): FakeExtension {
  const sent: ContentScriptRequest[] = [];
  let tab: SignInTabRecord | undefined;
  const answer = (message: ContentScriptRequest): unknown => {
    if (message.type === 'content/open-resync') return null;
    const { record, counted } = nextRecord(tab, message.type, Date.now());
    tab = record;
    return { counted, rejections: record.rejections };
  };
  const pick = (keys: string | string[]) =>
    Object.fromEntries(
      [keys]
        .flat()
        .filter((k) => k in local)
        .map((k) => [k, structuredClone(local[k])]),
    );
  const api: ContentApi = {
    runtime: {
      sendMessage: async (message) => {
        sent.push(v.parse(ContentScriptRequest, message));
        return { ok: true, value: answer(message) };
      },
    },
    storage: {
      local: {
        get: async (keys) => pick(keys),
        set: async (items) => void Object.assign(local, structuredClone(items)),
      },
      managed: {
        get: async () => {
          if (managed instanceof Error) throw managed;
          return managed;
        },
      },
    },
    i18n: { getMessage: (key) => `«${key}»` },
  };
  return { api, sent, local };
}

let stop: (() => void) | undefined;
let shadowRoot: () => ShadowRoot | undefined;
beforeEach(() => {
  shadowRoot = captureShadowRoot();
});
afterEach(() => {
  stop?.();
  stop = undefined;
  vi.restoreAllMocks();
});

async function start(fixture: string, extension: FakeExtension, url?: string) {
  loadFixture(fixture, url);
  stop = await startContentScript({ document, pageUrl: () => location.href, api: extension.api, settleMs: 30 });
  return stop;
}

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
    stop?.();
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
    await start('legacy/root-mfa.html', extension);
    await reject(extension.sent);
    expect(shadowRoot()?.querySelector('p')?.textContent).toBe('«prompt_root_hint»');
    await reject(extension.sent);
    expect(shadowRoot()?.querySelector('h2')?.textContent).toBe('«prompt_root_title»');
    expect(button('«prompt_resync»')).toBeUndefined();
    expect(button('«prompt_dont_ask»')).toBeUndefined();
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

describe('a rejection reported by a new page load (the tab keeps the count)', () => {
  const REJECTED = 'https://signin.aws.amazon.com/classic/mfa.html?rejected=1';
  // The new document is a fresh content script in the same tab: the fake keeps the tab's record.
  it('the page after a form post shows the error: counted only after a submit from this tab', async () => {
    const extension = fakeExtension();
    await start('classic/mfa.html', extension, REJECTED);
    await sleep(100);
    expect(extension.sent).toEqual([{ type: 'content/mfa-error-at-load' }]);
    expect(host()).toBeNull();

    stop?.();
    await start('classic/mfa.html', extension);
    submitCode();
    stop?.();
    await start('classic/mfa.html', extension, REJECTED);
    await vi.waitFor(() => expect(role()).toBe('status'));
    stop?.();
    await start('classic/mfa.html', extension);
    submitCode();
    stop?.();
    await start('classic/mfa.html', extension, 'https://signin.aws.amazon.com/classic/mfa.html?rejected=1&lang=ja');
    await vi.waitFor(() => expect(role()).toBe('alertdialog'));
  });

  it('a page without an MFA field, or with one and no error, asks nothing', async () => {
    for (const fixture of ['legacy/password-failure.html', 'classic/mfa.html', 'v2/captcha.html']) {
      const extension = fakeExtension();
      const touched: string[] = [];
      extension.api = new Proxy(extension.api, {
        get(target, name: keyof ContentApi) {
          touched.push(String(name));
          return target[name];
        },
      });
      await start(fixture, extension);
      await sleep(100);
      expect(touched).toEqual([]);
      stop?.();
    }
  });
});
