import type { RunnerTask as Task, RunnerTestCase as Test, RunnerTestFile as File } from 'vitest';
import type { Reporter, Vitest } from 'vitest/node';

// For mutation runs only (vitest.mutation.config.ts). StrykerJS's vitest runner (9.6.1) scores a
// mutant from the tests vitest collected: a test file whose import throws collects none, so a
// mutant that stops a module from loading (a valibot schema emptied at module level, which the
// router's import then trips over) counts as Survived, although every test of that file fails
// (stryker-js issues 6150 and 6179: open, unfixed in 10.0.0). This gives each such file one failed
// test carrying its load error, which Stryker reads like any other failure: the mutant is Killed,
// and an unmutated file that cannot load fails the first test run instead of silently shrinking it.

function hasTests(task: Task): boolean {
  return task.type === 'test' || (task.type === 'suite' && task.tasks.some(hasTests));
}

/** The test a file that failed to load stands for, with the fields a runner reads of a test. */
function loadFailure(file: File): Test {
  const failure: Partial<Test> = {
    type: 'test',
    id: `${file.id}_load`,
    name: 'fails to load',
    mode: 'run',
    file,
    suite: file,
    result: { state: 'fail', errors: file.result?.errors ?? [] },
  };
  // Only what a finished run's reader uses: the context and hooks a running test needs are gone.
  return failure as Test;
}

export default class LoadFailureReporter implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(): void {
    for (const file of this.vitest?.state.getFiles() ?? []) {
      if (file.result?.state === 'fail' && !file.tasks.some(hasTests)) file.tasks.push(loadFailure(file));
    }
  }
}
