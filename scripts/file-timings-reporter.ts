import { mkdirSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

// Seconds per test file, hooks included (a browser launch in beforeAll, the release test's two
// builds), which vitest's JSON report leaves out: it sums the tests only. `npm test` writes
// artifacts/vitest-<project>-files.json and prints the slowest files, so the suite's time budget
// (900 s in CI) can be spent where it is measured, not guessed.

interface FileTiming {
  file: string;
  /** Importing the file and running its describe callbacks. */
  collectS: number;
  /** Every test and hook of the file. */
  runS: number;
  totalS: number;
}

const ROOT = resolve(import.meta.dirname, '..');
const seconds = (ms: number) => Math.round(ms) / 1000;

export default class FileTimingsReporter implements Reporter {
  private readonly timings = new Map<string, FileTiming[]>();

  onTestModuleEnd(module: TestModule): void {
    const { collectDuration, setupDuration, environmentSetupDuration, prepareDuration, duration } = module.diagnostic();
    const collect = collectDuration + setupDuration + environmentSetupDuration + prepareDuration;
    const list = this.timings.get(module.project.name) ?? [];
    list.push({
      file: relative(ROOT, module.moduleId),
      collectS: seconds(collect),
      runS: seconds(duration),
      totalS: seconds(collect + duration),
    });
    this.timings.set(module.project.name, list);
  }

  onTestRunEnd(): void {
    mkdirSync(resolve(ROOT, 'artifacts'), { recursive: true });
    for (const [project, list] of this.timings) {
      list.sort((a, b) => b.totalS - a.totalS);
      writeFileSync(resolve(ROOT, 'artifacts', `vitest-${project}-files.json`), `${JSON.stringify(list, null, 2)}\n`);
      const sum = list.reduce((s, t) => s + t.totalS, 0);
      console.log(`\n${project}: ${list.length} files, ${sum.toFixed(1)} s summed; slowest:`);
      for (const t of list.slice(0, 8)) console.log(`  ${t.totalS.toFixed(1).padStart(6)} s  ${t.file}`);
    }
  }
}
