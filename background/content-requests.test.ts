import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeBrowser, signInContentSender } from './fuzz-fake-browser';

// What the sign-in page's two requests do in the background: a badge on that tab, or the page's
// hints kept for the popup (only where to return to, not the query string) and the popup opened,
// in a tab where the browser refuses openPopup; and how long those hints stay.

const fake = installFakeBrowser();
// Imported after the fake exists: src/shared/browser.ts reads globalThis.browser at import.
const { clearPrefill, handleContentRequest, readPrefill } = await import('./content-requests');

interface FakeActions {
  action: { openPopup: () => Promise<void>; setBadgeText: (details: unknown) => Promise<void> };
  tabs: { create: (details: unknown) => Promise<void> };
}
const api = fake as unknown as FakeActions;
const hints = { account: '123456789012', userName: 'alice', isRoot: false };

const openPopup = api.action.openPopup;

afterEach(() => {
  api.action.openPopup = openPopup;
  vi.restoreAllMocks();
  fake.reset();
});

describe('content/mfa-failure-seen', () => {
  it('marks the toolbar button of the sender’s tab and counts the rejection, and of no tab without one', async () => {
    const badge = vi.spyOn(api.action, 'setBadgeText');
    const seen = { type: 'content/mfa-failure-seen', consecutive: 2, hints } as const;
    // The tab's record (signin-tab-rules.ts) and, with no credentials unlocked, "Ask an admin".
    expect(await handleContentRequest(seen, signInContentSender)).toEqual({
      ok: true,
      value: { counted: true, rejections: 1, askAdmin: true },
    });
    expect(badge).toHaveBeenCalledWith({ tabId: 7, text: '!' });
    badge.mockClear();
    expect(await handleContentRequest(seen, { ...signInContentSender, tab: undefined })).toEqual({
      ok: true,
      value: null,
    });
    expect(badge).not.toHaveBeenCalled();
  });
});

describe('content/open-resync and content/ask-admin', () => {
  it('keep the hints and the page to return to without its query, and open the popup', async () => {
    const reply = await handleContentRequest({ type: 'content/open-resync', hints }, signInContentSender);
    expect(reply).toEqual({ ok: true, value: null });
    expect(await readPrefill()).toEqual({
      hints,
      returnUrl: 'https://signin.aws.amazon.com/oauth',
      createdAt: expect.any(Number),
    });
    expect(fake.calls).toEqual(['action.openPopup']);
  });

  it('ask-admin marks the prefill for the request form', async () => {
    await handleContentRequest({ type: 'content/ask-admin', hints }, { ...signInContentSender, url: undefined });
    expect(await readPrefill()).toEqual({ hints, askAdmin: true, createdAt: expect.any(Number) });
  });

  it.each([
    ['content/open-resync', 'popup/index.html?view=tab'],
    ['content/ask-admin', 'popup/index.html?view=tab&ask=admin'],
  ] as const)('%s opens the popup in a tab where openPopup is refused', async (type, page) => {
    api.action.openPopup = () => Promise.reject(new Error('needs a user gesture'));
    const created = vi.spyOn(api.tabs, 'create');
    await handleContentRequest({ type, hints }, signInContentSender);
    expect(created).toHaveBeenCalledWith({ url: `chrome-extension://fuzzextensionidaaaaaaaaaaaaaaaaa/${page}` });
  });
});

describe('the prefill', () => {
  it('is stale from ten minutes on, and gone when cleared', async () => {
    await handleContentRequest({ type: 'content/open-resync', hints }, signInContentSender);
    const { createdAt } = (await readPrefill()) ?? { createdAt: 0 };
    expect(await readPrefill(createdAt + 10 * 60_000 - 1)).toBeDefined();
    expect(await readPrefill(createdAt + 10 * 60_000)).toBeUndefined();
    await clearPrefill();
    expect(await readPrefill(createdAt)).toBeUndefined();
  });
});
