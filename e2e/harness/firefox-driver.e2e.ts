import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionDriver } from './driver';
import { FIREFOX_EXTENSION_UUID, launchFirefox } from './firefox-driver';
import { FIREFOX_SANDBOX_BUILD } from './paths';

// Smoke test of the Firefox driver itself against the real sandbox build: if this fails, every
// Firefox scenario would fail for a harness reason rather than an extension one.
describe('Firefox driver (sandbox build)', () => {
  let driver: ExtensionDriver;
  let launchMs = 0;

  beforeAll(async () => {
    const started = Date.now();
    driver = await launchFirefox(FIREFOX_SANDBOX_BUILD);
    launchMs = Date.now() - started;
  });

  afterAll(async () => {
    await driver?.close();
    // Logged so that a slow machine shows up in the run output, not only as a timeout.
    console.log(`Firefox launch-to-ready: ${launchMs} ms`);
  });

  it('opens the popup with the fixed extension origin', async () => {
    expect(driver.extensionBaseUrl).toBe(`moz-extension://${FIREFOX_EXTENSION_UUID}`);
    const popup = await driver.openPage('popup/index.html');
    await popup.textOf('paste');
    expect(await popup.isVisible('paste')).toBe(true);
    const [origin, width] = await popup.evaluate(() => [location.origin, innerWidth] as const);
    expect(origin).toBe(driver.extensionBaseUrl);
    expect(width).toBe(360);
    await popup.fill('paste', 'not credentials');
    expect(await popup.valueOf('paste')).toBe('not credentials');
    await popup.close();
  });

  it('writes and reads storage.local as the extension sees it', async () => {
    await driver.writeStorage('local', { e2eProbe: { n: 1, list: ['a', null, true] } });
    const stored = await driver.readStorage('local');
    expect(stored['e2eProbe']).toEqual({ n: 1, list: ['a', null, true] });
    // Seen from an extension page too, so the helper tab really shares the add-on's storage.
    const popup = await driver.openPage('popup/index.html');
    const fromPage = await popup.evaluate(async () => {
      const api = (
        globalThis as unknown as {
          browser: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
        }
      ).browser;
      return api.storage.local.get('e2eProbe');
    });
    expect(fromPage['e2eProbe']).toEqual({ n: 1, list: ['a', null, true] });
    await popup.close();
  });
});
