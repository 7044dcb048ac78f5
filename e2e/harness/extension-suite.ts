import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSandbox, type RunningSandbox } from '../sandbox/server';
import type { DriverFactory, ExtensionDriver } from './driver';
import { configureExtension } from './popup-flow';
import { resetSandbox } from './sandbox-control';
import { sharedClock, type SharedClock } from './test-clock';

export interface ExtensionSuite {
  readonly sandbox: RunningSandbox;
  readonly driver: ExtensionDriver;
  /** The time the sandbox and the extension share: real unless a test freezes or advances it. */
  readonly clock: SharedClock;
}

/**
 * One sandbox and one browser with the extension for the enclosing `describe`, pointed at each
 * other; optionally a fresh sandbox world before each test. Launching per file, not per test, keeps
 * the suite fast; resetting the sandbox keeps tests independent.
 */
export function useExtensionSuite(
  launch: DriverFactory,
  extensionDir: string,
  options: { resetBeforeEach?: boolean } = {},
): ExtensionSuite {
  let sandbox: RunningSandbox | undefined;
  let driver: ExtensionDriver | undefined;
  const clock = sharedClock();
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, now: clock.now });
    driver = await launch(extensionDir);
    await configureExtension(driver, sandbox.url);
  });
  afterAll(async () => {
    await driver?.close();
    await sandbox?.close();
  });
  if (options.resetBeforeEach) beforeEach(() => resetSandbox(suite.sandbox.url));
  const suite: ExtensionSuite = {
    clock,
    get sandbox() {
      if (!sandbox) throw new Error('the sandbox starts in beforeAll');
      return sandbox;
    },
    get driver() {
      if (!driver) throw new Error('the browser starts in beforeAll');
      return driver;
    },
  };
  return suite;
}
