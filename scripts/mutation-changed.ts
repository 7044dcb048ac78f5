import { execFileSync, spawnSync } from 'node:child_process';

// `npm run mutation:changed [-- <base>]`: mutation testing of only the files in the mutation scope
// (stryker.config.json: src/shared/ and background/, tests and test helpers excluded) that differ
// from <base> (default: main), committed or not. A full run takes the better part of an hour on a
// 2-core machine; this takes a minute or two per changed file. The incremental baseline keeps the
// results of every other file, so the score it prints is still the whole scope's.

const SCOPE = /^(src\/shared|background)\/.+\.ts$/;
const NOT_PRODUCT =
  /\.test\.ts$|^background\/(fuzz-fake-browser|router-sandbox-kit|credentials\/credential-test-fixtures)\.ts$|^src\/shared\/aws-error-test-fixtures\.ts$/;

function git(args: string[]): string[] {
  return execFileSync('git', args, { encoding: 'utf8' }).split('\n').filter(Boolean);
}

const base = process.argv[2] ?? 'main';
const mergeBase = git(['merge-base', base, 'HEAD'])[0] ?? base;
const changed = new Set([
  ...git(['diff', '--name-only', '--diff-filter=d', mergeBase]),
  ...git(['ls-files', '--others', '--exclude-standard']),
]);
const files = [...changed].filter((file) => SCOPE.test(file) && !NOT_PRODUCT.test(file)).sort();

if (files.length === 0) {
  console.log(`mutation: no file in src/shared/ or background/ changed since ${base}`);
  process.exit(0);
}
console.log(`mutation: ${files.length} changed file(s) since ${base}: ${files.join(', ')}`);
const result = spawnSync('nice', ['-n', '10', 'npx', 'stryker', 'run', '--incremental', '--mutate', files.join(',')], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
