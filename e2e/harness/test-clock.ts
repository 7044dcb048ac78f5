import { SANDBOX_CLOCK_KEY, timeUnder, type SandboxClockSetting } from '../../src/sandbox/test-clock';
import type { ExtensionDriver } from './driver';

// The test side of the sandbox build's clock (src/sandbox/test-clock.ts): one setting for the
// extension (every context follows storage.session) and, when a suite shares it, for the sandbox
// server too, so signatures, codes and countdowns agree on what time it is.

/**
 * Where README screenshots stand still: a Thursday morning, 12 s into a 30 s code step (the ring
 * says "New code in 18 s"), in UTC like the screenshot browsers.
 */
export const SCREENSHOT_TIME = Date.parse('2026-01-15T09:41:12.000Z');

/** Tells every context of the extension to use `setting` (the real clock: `{ offsetMs: 0 }`). */
export async function setExtensionClock(driver: ExtensionDriver, setting: SandboxClockSetting): Promise<void> {
  await driver.writeStorage('session', { [SANDBOX_CLOCK_KEY]: setting });
}

export interface SharedClock {
  /** The time the sandbox server uses: pass it to startSandbox({ now }). */
  readonly now: () => number;
  /** Stops the time at `at` for the sandbox and the extension, until release(). */
  freeze(driver: ExtensionDriver, at: number): Promise<void>;
  /** Moves the time of both ahead by `ms` (on top of any earlier shift), as if that much had passed. */
  advance(driver: ExtensionDriver, ms: number): Promise<void>;
  /** Back to the real clock for both. */
  release(driver: ExtensionDriver): Promise<void>;
}

export function sharedClock(): SharedClock {
  let setting: SandboxClockSetting = { offsetMs: 0 };
  const set = async (driver: ExtensionDriver, next: SandboxClockSetting) => {
    setting = next;
    await setExtensionClock(driver, next);
  };
  return {
    now: () => timeUnder(setting, Date.now()),
    freeze: (driver, at) => set(driver, { offsetMs: 0, frozenAt: at }),
    advance: (driver, ms) =>
      set(
        driver,
        setting.frozenAt === undefined
          ? { offsetMs: setting.offsetMs + ms }
          : { offsetMs: 0, frozenAt: setting.frozenAt + ms },
      ),
    release: (driver) => set(driver, { offsetMs: 0 }),
  };
}
