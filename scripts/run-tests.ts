import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

// `npm test`: both builds, unit tests, then the real-browser e2e suite. Ends with one
// plain summary line ("tests: N passed, N failed, N skipped") and a non-zero exit on any failure.

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  success: boolean;
}

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status ?? 1;
}

/** One vitest run of `projects`, reported as artifacts/vitest-<first project>.json. */
function vitest(...projects: string[]): VitestJson | undefined {
  const output = `artifacts/vitest-${projects[0]}.json`;
  run('npx', [
    'vitest',
    'run',
    ...projects.flatMap((project) => ['--project', project]),
    '--reporter=default',
    '--reporter=json',
    // Seconds per file, hooks included: artifacts/vitest-<project>-files.json and the slowest files.
    '--reporter=./scripts/file-timings-reporter.ts',
    `--outputFile.json=${output}`,
  ]);
  try {
    return JSON.parse(readFileSync(output, 'utf8')) as VitestJson;
  } catch {
    return undefined;
  }
}

mkdirSync('artifacts', { recursive: true });
const started = Date.now();
// Both builds first: the e2e suite drives the sandbox one, and the unit manifest checks read both
// (they check only the builds that exist, so on a fresh clone they would silently not run).
const buildFailed = ['build', 'build:sandbox'].some((script) => run('npm', ['run', '--silent', script]) !== 0);
const results: Array<VitestJson | undefined> = [vitest('unit')];
// e2e-policy runs after e2e in the same run (vitest.config.ts: alone, as it writes machine-wide policy).
if (!buildFailed) results.push(vitest('e2e', 'e2e-policy'));

const sum = (key: keyof Omit<VitestJson, 'success'>) => results.reduce((n, r) => n + (r ? r[key] : 0), 0);
const failed = sum('numFailedTests');
const ok = !buildFailed && results.every((r) => r?.success) && failed === 0;
console.log(
  `\nwall time ${((Date.now() - started) / 1000).toFixed(1)} s${buildFailed ? ' (a build failed)' : ''}`,
);
console.log(
  `tests: ${sum('numPassedTests')} passed, ${failed} failed, ${sum('numPendingTests') + sum('numTodoTests')} skipped`,
);
process.exit(ok ? 0 : 1);
