import { afterAll, beforeAll, beforeEach } from 'vitest';
import { controlPost, startTestSandbox, type TestSandbox } from './sandbox-test-kit';

/**
 * One sandbox for the whole test file: started before its first test, closed after its last, and
 * (with `resetEach`) back to a fresh seed before every test. The returned object reads the live
 * sandbox, so tests use it like the sandbox itself. Kept apart from sandbox-test-kit.ts, which the
 * bench imports outside the test runner.
 */
export function useTestSandbox(options: { resetEach?: boolean } = {}): TestSandbox {
  let sandbox: TestSandbox | undefined;
  const live = (): TestSandbox => {
    if (!sandbox) throw new Error('the test sandbox is not running (used outside a test?)');
    return sandbox;
  };
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox?.close());
  if (options.resetEach) beforeEach(() => controlPost(live().url, 'reset'));
  return {
    get url() {
      return live().url;
    },
    get clock() {
      return live().clock;
    },
    close: () => live().close(),
  };
}
