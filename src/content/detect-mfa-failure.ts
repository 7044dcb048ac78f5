import { asElement, findMfaStep, shownError, touchesError, type MfaStep, type ShownError } from './mfa-step';
import { CODE_REUSED_OR_EXPIRED_TEXT, MFA_SUBMIT_CONTROL } from './selectors';

// "An MFA code was submitted and rejected", from structure and state, in any language:
//   1. the user submits while an MFA code field is on screen (submit, a click on a submit control,
//      or Enter in the field) — the only moment any DOM work starts;
//   2. from then on one MutationObserver watches the form area, and a short settle after the page
//      changes, the step is judged: still the MFA step, and an error is shown that was not there at
//      submit time (appeared, re-rendered, changed text, or was hidden and shown again);
//   3. wording only sets the level: "already used"/"expired" asks for the clear prompt at once.
//      No words are needed to see a rejection (and no text fallback ships: the content budget,
//      and no public copy of the translated sign-in texts; docs/signin-evidence.md).
// Alerts in dialogs and the cookie banner are never the code's answer (UNRELATED_ALERT_CONTAINER).
// A rejection reported by a new page load is seen by error-at-load.ts instead.
// When the code field has been gone for a while, the step is over: observer off, count reset.
// Nothing here reads what was typed: which element has focus, never any input's value.

export interface Rejection {
  /** Rejections in a row on this MFA step. */
  consecutive: number;
  /** The page said the code was already used or the step expired: a drifted device. */
  reusedOrExpired: boolean;
}

export interface DetectorOptions {
  document: Document;
  onRejection(rejection: Rejection): void;
  /** A code was just submitted on the MFA step (before its answer is known). */
  onSubmit?(): void;
  /** The MFA step is gone (success, another step, or the user started over). */
  onStepLeft(): void;
  /** Quiet time after the page's last change before judging; the page renders in bursts. */
  settleMs?: number | undefined;
  /** How long the code field may be missing (a spinner while the code is checked) before the step counts as left. */
  leaveGraceMs?: number;
}

export interface Detector {
  stop(): void;
}

/** An error appearing later than this after a submit is not that submit's answer. */
const SUBMIT_WINDOW_MS = 30_000;

export function watchForMfaFailures(options: DetectorOptions): Detector {
  const { document: doc, settleMs = 250, leaveGraceMs = 8_000 } = options;
  const now = () => Date.now();
  const win = doc.defaultView;
  let observed: Element | undefined;
  let consecutive = 0;
  let missingSince: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dueAt = Infinity;
  // The submit waiting for its answer: when, the error shown at that moment, whether an error
  // was (re)rendered, edited or hidden since (legacy page: hide on submit, show again).
  let submittedAt: number | undefined;
  let before: ShownError | undefined;
  let errorChanged = false;

  const observer = new MutationObserver((records) => {
    if (submittedAt !== undefined) {
      if (records.some(touchesError)) errorChanged = true;
      const current = findMfaStep(doc);
      if (!current || !shownError(current)) errorChanged = true;
    }
    schedule(settleMs);
  });

  function observe(scope: Element): void {
    if (observed === scope) return;
    observer.disconnect();
    observed = scope;
    observer.observe(scope, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['hidden', 'class', 'style', 'aria-hidden', 'aria-invalid'],
    });
  }

  // The earliest request wins and later ones do not postpone it (a spinner animating through
  // attributes must not delay the verdict forever); a mutation pulls a far leave check closer.
  function schedule(delay: number): void {
    const at = now() + delay;
    if (timer !== undefined && dueAt <= at) return;
    if (timer !== undefined) clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(() => {
      timer = undefined;
      dueAt = Infinity;
      settle();
    }, delay);
  }

  function leave(): void {
    observer.disconnect();
    observed = submittedAt = missingSince = undefined;
    consecutive = 0;
    options.onStepLeft();
  }

  function settle(): void {
    const current = findMfaStep(doc);
    if (!current) {
      missingSince ??= now();
      // Keep watching through a loading state; the re-rendered step may still bring the error.
      const left = leaveGraceMs - (now() - missingSince);
      return left > 0 ? schedule(left) : leave();
    }
    missingSince = undefined;
    observe(current.scope);
    judge(current);
  }

  /** Counts the pending submit as rejected if its answer is on screen. */
  function judge(current: MfaStep): void {
    if (submittedAt === undefined || now() - submittedAt > SUBMIT_WINDOW_MS) return;
    const error = shownError(current);
    // New: appeared, re-rendered, re-worded, or shown again after being cleared since the submit.
    if (!error || !(errorChanged || !before || error.element !== before.element || error.text !== before.text)) return;
    submittedAt = undefined;
    consecutive += 1;
    options.onRejection({ consecutive, reusedOrExpired: CODE_REUSED_OR_EXPIRED_TEXT.test(error.text) });
  }

  // submit: the form holding the code field; click: a submit control in the form area;
  // keydown: Enter in the code field itself (SPAs often submit from a key handler).
  function onEvent(event: Event): void {
    const element = event.target && asElement(event.target as Node);
    const { type } = event;
    if (!element || (type === 'click' && !element.closest(MFA_SUBMIT_CONTROL))) return;
    if (type === 'keydown' && ((event as KeyboardEvent).key !== 'Enter' || (event as KeyboardEvent).isComposing))
      return;
    const current = findMfaStep(doc);
    if (!current) return;
    const related =
      type === 'keydown'
        ? element === current.codeField
        : type === 'submit'
          ? element.contains(current.codeField)
          : current.scope.contains(element);
    if (!related) return;
    // A quick resubmit must not swallow the answer to the previous code, shown but not yet settled.
    judge(current);
    observe(current.scope);
    missingSince = undefined;
    submittedAt = now();
    before = shownError(current);
    errorChanged = false;
    options.onSubmit?.();
  }

  // Capture on the window: runs before the page's own handlers, so the error shown at submit time
  // is recorded before the page clears it.
  const listen = { capture: true, passive: true } as const;
  const types = ['submit', 'click', 'keydown'];
  for (const type of types) win?.addEventListener(type, onEvent, listen);

  return {
    stop() {
      for (const type of types) win?.removeEventListener(type, onEvent, listen);
      observer.disconnect();
      clearTimeout(timer);
    },
  };
}
