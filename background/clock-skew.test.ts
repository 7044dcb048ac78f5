import { afterEach, describe, expect, it } from 'vitest';
import { installFakeBrowser } from './fuzz-fake-browser';

// The skew between AWS's clock and ours, from a response's Date header.

const fake = installFakeBrowser();
// Imported after the fake exists: src/shared/browser.ts reads globalThis.browser at import.
const { readClockSkewMs, recordServerDate } = await import('./clock-skew');

afterEach(() => fake.reset());

describe('clock skew', () => {
  it('is the server time minus ours, and unknown until measured', async () => {
    expect(await readClockSkewMs()).toBeUndefined();
    await recordServerDate('Thu, 03 Dec 2026 08:00:40 GMT', Date.parse('2026-12-03T08:00:00Z'));
    expect(await readClockSkewMs()).toBe(40_000);
  });

  it('keeps the last measurement when a Date header does not parse', async () => {
    await recordServerDate('Thu, 03 Dec 2026 08:00:40 GMT', Date.parse('2026-12-03T08:00:00Z'));
    await recordServerDate('not a date');
    expect(await readClockSkewMs()).toBe(40_000);
  });

  it('ignores a stored value that is not a number', async () => {
    await fake.storage.session.set({ clockSkewMs: 'soon' });
    expect(await readClockSkewMs()).toBeUndefined();
  });
});
