import type { ExtensionPage } from './driver';

// Keyboard-only driving of extension pages: no click, no fill, only the keys a user presses.

/**
 * Presses Tab until data-testid=testId has focus (at most `max` times); returns the data-testids
 * focus passed on the way, the target last (null for a stop without one), so a test can assert the
 * Tab order.
 */
export async function tabTo(page: ExtensionPage, testId: string, max = 25): Promise<Array<string | null>> {
  const passed: Array<string | null> = [];
  for (let i = 0; i < max; i++) {
    await page.press('Tab');
    const focused = await page.focusedTestId();
    passed.push(focused);
    if (focused === testId) return passed;
  }
  throw new Error(`Tab never reached ${testId}: ${JSON.stringify(passed)}`);
}

/** Types `keys` into whatever has focus, one key press per character. */
export async function typeKeys(page: ExtensionPage, keys: string): Promise<void> {
  for (const key of keys) await page.press(key);
}
