// The rules behind "second rejection, clear prompt" when rejections are reported across page loads
// (issue 15), as pure functions over one tab's record, so they are tested without a browser.
// The record holds times and a count: never a code, nothing the page showed.

export interface SignInTabRecord {
  /** When this tab last submitted an MFA code whose answer is not known yet. */
  submittedAt?: number;
  /** Rejections in a row in this tab, across page loads on the sign-in hosts. */
  rejections: number;
  /** Last change; the record is dropped TAB_RECORD_TTL_MS after it. */
  updatedAt: number;
}

/** "A few minutes": long enough for a user trying the next code or two, short enough to be forgotten. */
export const TAB_RECORD_TTL_MS = 5 * 60_000;
/**
 * A page loading with an error counts as the answer to a submit only this soon after it: a form
 * post answers within seconds; an older submit's page is an unrelated visit.
 */
export const SUBMIT_ANSWER_WINDOW_MS = 60_000;

export const EMPTY_RECORD: SignInTabRecord = { rejections: 0, updatedAt: 0 };

/** The record as it stands now: an expired one is an empty one. */
export function current(record: SignInTabRecord | undefined, now: number): SignInTabRecord {
  return record && now - record.updatedAt < TAB_RECORD_TTL_MS ? record : EMPTY_RECORD;
}

export function afterSubmit(record: SignInTabRecord | undefined, now: number): SignInTabRecord {
  return { rejections: current(record, now).rejections, submittedAt: now, updatedAt: now };
}

/** A rejection seen in place, after a submit in the same document: always this tab's answer. */
export function afterRejection(record: SignInTabRecord | undefined, now: number): SignInTabRecord {
  return { rejections: current(record, now).rejections + 1, updatedAt: now };
}

/**
 * A new page shows the MFA step with an error. It is a rejection only if this tab submitted a code
 * just before and that submit has not been answered yet; each submit is counted at most once.
 */
export function afterErrorAtLoad(
  record: SignInTabRecord | undefined,
  now: number,
): { record: SignInTabRecord; counted: boolean } {
  const now_ = current(record, now);
  const pending = now_.submittedAt !== undefined && now - now_.submittedAt < SUBMIT_ANSWER_WINDOW_MS;
  if (!pending) return { record: now_, counted: false };
  return { record: afterRejection(now_, now), counted: true };
}

/**
 * Whether a tab update means the tab left the sign-in hosts. `url` is what the browser lets the
 * extension see: only URLs it has host access to (Chromium: none of the sign-in hosts unless they
 * are in host_permissions; Firefox: the content script's hosts too). An unseen URL is a
 * non-sign-in page only when the sign-in pages themselves are visible.
 */
export function leftSignIn(url: string | undefined, isSignInUrl: (url: string) => boolean, seesSignInUrls: boolean): boolean {
  return url === undefined ? seesSignInUrls : !isSignInUrl(url);
}
