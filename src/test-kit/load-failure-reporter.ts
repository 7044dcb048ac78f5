import type { RunnerTask as Task, RunnerTestCase as Test, RunnerTestFile as File } from 'vitest';
import type { Reporter, Vitest } from 'vitest/node';

// For mutation runs only (vitest.mutation.config.ts). StrykerJS's vitest runner (9.6.1) scores a
// mutant from the tests vitest collected: a test file whose import throws collects none, so a
// mutant that stops a module from loading (a valibot schema emptied at module level, which the
// router's import then trips over) counts as Survived, although every test of that file fails
// (stryker-js issues 6150 and 6179: open, unfixed in 10.0.0). So every test file gets one more
// test, "loads": passed when the file loaded, failed with the load error when it did not. Stryker
// reads it like any other test: such a mutant is Killed, and an unmutated file that cannot load
// fails the first test run instead of silently shrinking it. It exists in every run, the first
// one included, so an incremental run can reuse a result that it killed (a test that only appears
// on failure is unknown to the next run's first test run, and its kills would be retested each time).

function hasTests(task: Task): boolean {
  return task.type === 'test' || (task.type === 'suite' && task.tasks.some(hasTests));
}

/** The file's "loads" test, with the fields a runner reads of a finished test. */
function loadsTest(file: File): Test {
  const loaded = file.tasks.some(hasTests);
  const test: Partial<Test> = {
    type: 'test',
    id: `${file.id}_loads`,
    name: 'loads',
    mode: 'run',
    file,
    suite: file,
    result: loaded ? { state: 'pass' } : { state: 'fail', errors: file.result?.errors ?? [] },
  };
  // Only what a finished run's reader uses: the context and hooks a running test needs are gone.
  return test as Test;
}

export default class LoadFailureReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(): void {
    for (const file of this.vitest?.state.getFiles() ?? []) {
      // A file that loaded but ran no test (all filtered out) needs no stand-in: nothing ran to pass.
      if (file.tasks.some(hasTests) || file.result?.state === 'fail') file.tasks.push(loadsTest(file));
    }
  }
}
