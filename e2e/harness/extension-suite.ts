import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../sandbox/server';
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

export interface ExtensionWithSandbox<D extends ExtensionDriver> {
  sandbox: RunningSandbox;
  driver: D;
  close(): Promise<void>;
}

/**
 * A sandbox on a free port and a browser with the extension, pointed at each other: what every
 * e2e suite (useExtensionSuite) and the bench start from.
 */
export async function startExtensionWithSandbox<D extends ExtensionDriver>(
  launch: (extensionDir: string) => Promise<D>,
  extensionDir: string,
  sandboxOptions: Omit<SandboxOptions, 'port'> = {},
): Promise<ExtensionWithSandbox<D>> {
  const sandbox = await startSandbox({ ...sandboxOptions, port: 0 });
  let driver: D | undefined;
  try {
    driver = await launch(extensionDir);
    await configureExtension(driver, sandbox.url);
  } catch (error) {
    await driver?.close();
    await sandbox.close();
    throw error;
  }
  const launched = driver;
  return {
    sandbox,
    driver: launched,
    close: async () => {
      await launched.close();
      await sandbox.close();
    },
  };
}

/**
 * One sandbox and one browser with the extension for the enclosing `describe`; optionally a fresh
 * sandbox world before each test. Launching per file, not per test, keeps the suite fast;
 * resetting the sandbox keeps tests independent.
 */
export function useExtensionSuite(
  launch: DriverFactory,
  extensionDir: string,
  options: { resetBeforeEach?: boolean } = {},
): ExtensionSuite {
  let started: ExtensionWithSandbox<ExtensionDriver> | undefined;
  const clock = sharedClock();
  beforeAll(async () => {
    started = await startExtensionWithSandbox(launch, extensionDir, { now: clock.now });
  });
  afterAll(async () => {
    await started?.close();
  });
  if (options.resetBeforeEach) beforeEach(() => resetSandbox(suite.sandbox.url));
  const suite: ExtensionSuite = {
    clock,
    get sandbox() {
      if (!started) throw new Error('the sandbox starts in beforeAll');
      return started.sandbox;
    },
    get driver() {
      if (!started) throw new Error('the browser starts in beforeAll');
      return started.driver;
    },
  };
  return suite;
}
