import type { ContentScriptRequest, Prefill, Reply, TabRejections } from '../src/shared/messages';
import { ext, type MessageSender } from '../src/shared/browser';
import { readSettings } from './settings-store';
import { recordTabEvent } from './signin-tab-state';
import { readVault } from './vault';

const PREFILL_KEY = 'prefill';
/** A prefill older than this is stale: the user has moved on from that sign-in attempt. */
const PREFILL_TTL_MS = 10 * 60_000;

/** Only where to go back to: the query string of a sign-in URL can carry redirect state. */
function returnUrlOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}

async function openResyncUi(view = ''): Promise<void> {
  // The real popup where the browser allows opening it from a page's request; otherwise the same
  // UI in a tab (Firefox requires a user action inside the extension for openPopup).
  try {
    await ext.action.openPopup();
    return;
  } catch {
    await ext.tabs.create({ url: ext.runtime.getURL(`popup/index.html?view=tab${view}`) });
  }
}

/** "Ask an admin" on the prompt: for a user with no credentials here, unless the policy hides it. */
async function offersAskAdmin(): Promise<boolean> {
  const [settings, record] = await Promise.all([readSettings(), readVault()]);
  return settings.askAdminEnabled && !record;
}

/** The router has checked that the sender is a sign-in page's content script in a tab. */
export async function handleContentRequest(
  request: ContentScriptRequest,
  sender: MessageSender,
): Promise<Reply<TabRejections | null>> {
  const tabId = sender.tab?.id;
  switch (request.type) {
    case 'content/mfa-failure-seen':
    case 'content/mfa-code-submitted':
    case 'content/mfa-error-at-load':
      if (tabId === undefined) return { ok: true, value: null };
      // Only a visible hint on the toolbar button; the page's own prompt does the talking.
      if (request.type === 'content/mfa-failure-seen') await ext.action.setBadgeText({ tabId, text: '!' });
      {
        // The answers a prompt may follow also say whether it offers "Ask an admin".
        const [tab, askAdmin] = await Promise.all([
          recordTabEvent(tabId, request.type),
          request.type === 'content/mfa-code-submitted' ? undefined : offersAskAdmin(),
        ]);
        return { ok: true, value: askAdmin === undefined ? tab : { ...tab, askAdmin } };
      }
    case 'content/open-resync':
    case 'content/ask-admin': {
      const returnUrl = returnUrlOf(sender.url);
      // A prompt drawn before the policy changed may still offer it: then the plain flow opens.
      const askAdmin = request.type === 'content/ask-admin' && (await readSettings()).askAdminEnabled;
      const prefill: Prefill = {
        hints: request.hints,
        createdAt: Date.now(),
        ...(returnUrl ? { returnUrl } : {}),
        ...(askAdmin ? { askAdmin: true } : {}),
      };
      await ext.storage.session.set({ [PREFILL_KEY]: prefill });
      await openResyncUi(askAdmin ? '&ask=admin' : '');
      return { ok: true, value: null };
    }
  }
}

export async function readPrefill(now = Date.now()): Promise<Prefill | undefined> {
  const prefill = (await ext.storage.session.get(PREFILL_KEY))[PREFILL_KEY] as Prefill | undefined;
  return prefill && now - prefill.createdAt < PREFILL_TTL_MS ? prefill : undefined;
}

export async function clearPrefill(): Promise<void> {
  await ext.storage.session.remove(PREFILL_KEY);
}
