import type { ContentScriptRequest, SignInHints, TabRejections } from '../shared/messages';
import { watchForMfaFailures, type Detector, type Rejection } from './detect-mfa-failure';
import { findMfaStep, shownError } from './mfa-step';
import type { ContentApi } from './extension-api';
import { extractHints } from './extract-hints';
import { readPromptSettings, suppressAccount, type PromptSettings } from './preferences';
import { createPrompt, type PromptAction, type PromptLevel } from './prompt';
import { CODE_REUSED_OR_EXPIRED_TEXT, TROUBLESHOOT_LINK } from './selectors';

// Wires detection to the prompt and the background. The count of rejections belongs to the tab,
// not the document, because a rejection may come as a new page: each submit is told to the
// background (`content/mfa-code-submitted`), each rejection seen in place is reported
// (`content/mfa-failure-seen`), and a page that loads showing the MFA step with an error asks
// whether it answers this tab's submit (`content/mfa-error-at-load`). Both answers carry the tab's
// count: the first rejection gets a quiet hint, the second (or "code already used"/expired) the
// clear prompt. Resync asks the background to open the prefilled flow.

export interface ContentEnvironment {
  document: Document;
  pageUrl(): string;
  api: ContentApi;
  /** Detector timings, shortened by tests. */
  settleMs?: number;
}

/** Sends and returns the background's answer value, or undefined when there is none. */
async function send(api: ContentApi, message: ContentScriptRequest): Promise<unknown> {
  // The extension may have been updated or reloaded under this page ("context invalidated"):
  // then there is nobody to tell, and the page must not see an error. Chrome throws at once.
  try {
    const reply = (await api.runtime.sendMessage(message)) as { value?: unknown } | undefined;
    return reply?.value;
  } catch {
    return undefined;
  }
}

/**
 * Starts watching for rejected MFA codes. Page loads stay cheap: nothing touches the extension API
 * (each API namespace Chromium sets up on first use costs main-thread time on every sign-in page
 * load, issue 8) until the user submits an MFA code. That first submit reads the user's and the
 * admin's settings; until they have answered nothing is reported or shown, and if either says
 * off, everything stops. Returns a stop function, for tests.
 */
export function startContentScript(env: ContentEnvironment): () => void {
  const { api, document: doc } = env;
  let settings: Promise<PromptSettings> | undefined;
  const readSettingsOnce = () => {
    settings ??= readPromptSettings(api).then((read) => {
      if (!read.enabled) stop();
      return read;
    });
    return settings;
  };

  let hints: SignInHints = { isRoot: false };
  // What is on screen, and what the user waved away on this MFA step (until the step is left):
  // closing the quiet hint still lets the clear prompt come; "Not now" on the prompt ends both.
  let openLevel: PromptLevel | undefined;
  let dismissed: PromptLevel | undefined;

  const t = (key: string) => api.i18n.getMessage(key) || key;
  const prompt = createPrompt(doc, t, onAction);

  function onAction(action: PromptAction): void {
    const closedLevel = openLevel;
    openLevel = undefined;
    prompt.close();
    if (action === 'resync') void send(api, { type: 'content/open-resync', hints });
    if (action === 'ask-admin') void send(api, { type: 'content/ask-admin', hints });
    if (action === 'troubleshoot') {
      // Point at the page's own link rather than following it for the user.
      const link = doc.querySelector<HTMLElement>(TROUBLESHOOT_LINK);
      link?.scrollIntoView({ block: 'center' });
      link?.focus();
    }
    const account = hints.account;
    if (action === 'suppress' && account) {
      void settings?.then((read) => read.suppressed.add(account));
      void suppressAccount(api, account).catch(() => undefined);
    }
    if (action === 'dismiss' || action === 'suppress')
      dismissed = closedLevel === 'prompt' ? 'prompt' : (dismissed ?? 'hint');
  }

  // Each report is answered with the tab's count (TabRejections), which spans page loads. A page
  // that loaded with an error counts only as the answer to this tab's submit; without any answer
  // (the extension was reloaded under the page) this document's own count stands.
  function report(rejection: Rejection, atLoad?: boolean): void {
    void readSettingsOnce().then(async (read) => {
      if (!read.enabled) return;
      hints = extractHints(doc, env.pageUrl());
      const consecutive = Math.min(rejection.consecutive, 1000);
      const tab = (await send(
        api,
        atLoad ? { type: 'content/mfa-error-at-load' } : { type: 'content/mfa-failure-seen', consecutive, hints },
      )) as TabRejections | undefined;
      if (!atLoad || tab?.counted)
        handleRejection({ ...rejection, consecutive: tab?.rejections ?? consecutive }, read.suppressed, tab?.askAdmin);
    });
  }

  // A rejection reported by a new page (a form post answered by a page load or a redirect): the
  // new document shows the MFA step with an error at load, or a second later (an app rendering on
  // the client). DOM reads only, and one question to the background per document at most.
  let lookedAtLoad = false;
  const lookAtLoad = () => {
    const step = lookedAtLoad ? undefined : findMfaStep(doc);
    const error = step && shownError(step);
    if (!error) return;
    lookedAtLoad = true;
    report({ consecutive: 1, reusedOrExpired: CODE_REUSED_OR_EXPIRED_TEXT.test(error.text) }, true);
  };
  const onLoad = () => (lookAtLoad(), setTimeout(lookAtLoad, 1_000));
  if (doc.readyState === 'complete') onLoad();
  else doc.defaultView?.addEventListener('load', onLoad, { once: true });

  function handleRejection(rejection: Rejection, suppressed: ReadonlySet<string>, askAdmin?: boolean): void {
    if (hints.account && suppressed.has(hints.account)) return;
    const level: PromptLevel = rejection.consecutive >= 2 || rejection.reusedOrExpired ? 'prompt' : 'hint';
    if (dismissed === 'prompt' || (dismissed === 'hint' && level === 'hint')) return;
    // Already asking: re-rendering would only steal focus again.
    if (openLevel === 'prompt' && prompt.isOpen()) return;
    openLevel = level;
    prompt.show({
      level,
      root: hints.isRoot,
      canSuppress: hints.account !== undefined,
      canShowTroubleshoot: doc.querySelector(TROUBLESHOOT_LINK) !== null,
      askAdmin,
    });
  }

  const detector: Detector = watchForMfaFailures({
    document: doc,
    settleMs: env.settleMs,
    onRejection: report,
    onSubmit() {
      lookedAtLoad = true;
      // Sent at once, before the settings are read: a form post may unload this page any moment.
      // It carries nothing but "now", for this tab; with the prompt off nothing else follows.
      void send(api, { type: 'content/mfa-code-submitted' });
      void readSettingsOnce();
    },
    onStepLeft() {
      prompt.close();
      openLevel = undefined;
      dismissed = undefined;
    },
  });
  function stop(): void {
    lookedAtLoad = true;
    detector.stop();
    prompt.close();
  }
  return stop;
}
