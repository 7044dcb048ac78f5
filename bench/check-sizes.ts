import { resolve } from 'node:path';
import { npmBuild, ROOT } from './builds';
import { textTable } from './report';
import { measureBrowser, overBudget, SIZE_HEADER, sizeRows } from './size-report';

// `npm run bench:check`: the CI half of the bench. It fails only on the gzip size budgets, which
// are deterministic for a given tree; timings are left to `npm run bench`, which never fails.
// `--no-build` measures dist/chrome and dist/firefox as they are (when a build just ran).

const build = !process.argv.includes('--no-build');
const dirs = build
  ? npmBuild()
  : { chrome: resolve(ROOT, 'dist', 'chrome'), firefox: resolve(ROOT, 'dist', 'firefox') };
const all = [measureBrowser('chrome', dirs.chrome), measureBrowser('firefox', dirs.firefox)];
console.log(textTable(SIZE_HEADER, sizeRows(all)));
const over = overBudget(all);
const failing = over.filter((o) => o.failsCi);
for (const o of over) {
  const limit = o.failsCi ? `over the ${o.ceilingGzip} B CI ceiling` : `under the ${o.ceilingGzip} B CI ceiling`;
  console.error(
    `bench: ${o.browser} ${o.context} is ${o.gzipBytes} B gzip: over its ${o.budgetGzip} B budget, ${limit} (npm run bench shows what dominates it)`,
  );
}
console.log(failing.length === 0 ? 'bench: size ceilings ok' : `bench: ${failing.length} size ceiling(s) exceeded`);
process.exit(failing.length === 0 ? 0 : 1);
