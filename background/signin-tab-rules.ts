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
 * A rejection answers a submit within seconds, in place or by the next page load. A submit still
 * unanswered after this long was not rejected: the sign-in went on (to the console, which the
 * content script never sees) or the user left, so the tab starts afresh. This is what clears the
 * record after a success where the browser does not show the extension where the tab went.
 */
export const SUBMIT_ANSWER_WINDOW_MS = 30_000;

export const EMPTY_RECORD: SignInTabRecord = { rejections: 0, updatedAt: 0 };

/** When the record ends by itself: its submit goes unanswered, or it expires. */
export function endsAt(record: SignInTabRecord): number {
  return record.submittedAt !== undefined
    ? record.submittedAt + SUBMIT_ANSWER_WINDOW_MS
    : record.updatedAt + TAB_RECORD_TTL_MS;
}

/** The record as it stands now: an ended one is an empty one. */
export function current(record: SignInTabRecord | undefined, now: number): SignInTabRecord {
  return record && now < endsAt(record) ? record : EMPTY_RECORD;
}

/** What the tab's content script reports (the message types of src/shared/messages.ts). */
export type TabEvent = 'content/mfa-code-submitted' | 'content/mfa-failure-seen' | 'content/mfa-error-at-load';

/**
 * The record after an event of the tab, and whether it counted as a rejection:
 * - code submitted: its answer is pending;
 * - failure seen: a rejection in place, after a submit in the same document: always this tab's;
 * - error at load: a new page shows the MFA step with an error. A rejection only if this tab
 *   submitted a code just before and that submit is still unanswered: each submit counts once.
 */
export function nextRecord(
  stored: SignInTabRecord | undefined,
  event: TabEvent,
  now: number,
): { record: SignInTabRecord; counted: boolean } {
  const live = current(stored, now);
  if (event === 'content/mfa-code-submitted')
    return { record: { rejections: live.rejections, submittedAt: now, updatedAt: now }, counted: false };
  const counted = event === 'content/mfa-failure-seen' || live.submittedAt !== undefined;
  return { record: counted ? { rejections: live.rejections + 1, updatedAt: now } : live, counted };
}
