import { kb, textTable } from './report';
import { measureBrowser, releaseBuilds, scopeLabel, SIZE_HEADER, sizeRows, sizeVerdicts } from './size-report';

// `npm run bench:check`: the CI half of the bench. It fails only on the gzip size budgets
// (bench/budgets.ts), which are deterministic for a given tree; timings are left to `npm run bench`,
// which never fails. `--no-build` measures dist/chrome and dist/firefox as they are (when a build
// just ran).

const dirs = releaseBuilds(!process.argv.includes('--no-build'));
const all = [measureBrowser('chrome', dirs.chrome), measureBrowser('firefox', dirs.firefox)];
console.log(textTable(SIZE_HEADER, sizeRows(all)));
const misses = sizeVerdicts(all).filter((v) => !v.within);
for (const v of misses) {
  const ceiling =
    v.ceilingGzip === undefined ? '' : `, ${v.passesCi ? 'under' : 'OVER'} its ${v.ceilingGzip} B CI ceiling`;
  console.error(
    `bench: ${v.browser} ${v.context} (${scopeLabel(v.scope)}) is ${v.gzipBytes} B gzip, over its ${v.budgetGzip} B budget by ${v.gzipBytes - v.budgetGzip} B (${kb(v.gzipBytes - v.budgetGzip)})${ceiling}; npm run bench shows what dominates it`,
  );
}
const failing = misses.filter((v) => !v.passesCi);
console.log(
  misses.length === 0
    ? 'bench: size budgets ok'
    : `bench: ${misses.length} size budget(s) missed, ${failing.length} over what CI allows`,
);
process.exit(failing.length === 0 ? 0 : 1);
