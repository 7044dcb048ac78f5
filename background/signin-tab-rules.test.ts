import { describe, expect, it } from 'vitest';
import {
  current,
  nextRecord,
  SUBMIT_ANSWER_WINDOW_MS,
  TAB_RECORD_TTL_MS,
  type SignInTabRecord,
} from './signin-tab-rules';

// The tab's record across page loads: what counts as a rejection, how long it lasts, when it goes.

const T = 1_800_000_000_000;
const afterSubmit = (record: SignInTabRecord | undefined, now: number) =>
  nextRecord(record, 'content/mfa-code-submitted', now).record;
const afterRejection = (record: SignInTabRecord | undefined, now: number) =>
  nextRecord(record, 'content/mfa-failure-seen', now).record;
const afterErrorAtLoad = (record: SignInTabRecord | undefined, now: number) =>
  nextRecord(record, 'content/mfa-error-at-load', now);

describe('a page that loads showing the MFA step with an error', () => {
  it('is a rejection only right after a submit from this tab, and each submit counts once', () => {
    expect(afterErrorAtLoad(undefined, T)).toMatchObject({ counted: false, record: { rejections: 0 } });
    const submitted = afterSubmit(undefined, T);
    const first = afterErrorAtLoad(submitted, T + 2_000);
    expect(first).toMatchObject({ counted: true, record: { rejections: 1 } });
    // The same error page reloaded, or a second look: no new submit, no new rejection.
    expect(afterErrorAtLoad(first.record, T + 3_000)).toMatchObject({ counted: false, record: { rejections: 1 } });
    const second = afterErrorAtLoad(afterSubmit(first.record, T + 20_000), T + 21_000);
    expect(second).toMatchObject({ counted: true, record: { rejections: 2 } });
  });

  it('a submit unanswered for a while was not rejected (the console was reached): the tab starts afresh', () => {
    const one = afterRejection(afterSubmit(undefined, T), T + 1_000);
    const successful = afterSubmit(one, T + 10_000);
    expect(current(successful, T + 10_000 + SUBMIT_ANSWER_WINDOW_MS - 1).rejections).toBe(1);
    expect(current(successful, T + 10_000 + SUBMIT_ANSWER_WINDOW_MS)).toEqual({ rejections: 0, updatedAt: 0 });
  });

  it('long after the submit is an unrelated visit', () => {
    const submitted = afterSubmit(undefined, T);
    expect(afterErrorAtLoad(submitted, T + SUBMIT_ANSWER_WINDOW_MS + 1).counted).toBe(false);
  });
});

describe('rejections seen in place and by page loads add up in one tab', () => {
  it('in place, then by a page load, then in place: 1, 2, 3', () => {
    const one = afterRejection(afterSubmit(undefined, T), T + 1_000);
    expect(one).toEqual({ rejections: 1, updatedAt: T + 1_000 });
    const two = afterErrorAtLoad(afterSubmit(one, T + 5_000), T + 6_000).record;
    expect(two.rejections).toBe(2);
    expect(afterRejection(afterSubmit(two, T + 9_000), T + 10_000).rejections).toBe(3);
  });

  it('a rejection answers the pending submit: a later error page does not count it again', () => {
    const inPlace = afterRejection(afterSubmit(undefined, T), T + 1_000);
    expect(inPlace.submittedAt).toBeUndefined();
    expect(afterErrorAtLoad(inPlace, T + 2_000).counted).toBe(false);
  });
});

describe('the record expires a few minutes after its last change', () => {
  it('starts again from zero once expired', () => {
    const one = afterRejection(afterSubmit(undefined, T), T);
    expect(current(one, T + TAB_RECORD_TTL_MS - 1).rejections).toBe(1);
    expect(current(one, T + TAB_RECORD_TTL_MS).rejections).toBe(0);
    expect(afterRejection(one, T + TAB_RECORD_TTL_MS).rejections).toBe(1);
  });

  it('holds a time and a count, nothing else', () => {
    expect(Object.keys(afterSubmit(afterRejection(undefined, T), T)).sort()).toEqual([
      'rejections',
      'submittedAt',
      'updatedAt',
    ]);
  });
});
