import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TargetBrowser } from '../build/manifest-for-target';
import { buildOrThrow, ROOT } from '../build/vite-build';
import { launchChromium } from '../e2e/harness/chromium-driver';
import type { ExtensionPage } from '../e2e/harness/driver';
import { startExtensionWithSandbox } from '../e2e/harness/extension-suite';
import { POPUP } from '../e2e/harness/popup-flow';
import { sleep } from '../e2e/harness/sandbox-control';
import { measureContentOverhead } from './content-overhead';
import { measureDocumentFloor, measurePopupTti, writeFloorPage } from './popup-tti';
import { benchClock, measureResyncLatency, sessionPaste, timedMessage } from './resync-latency';
import { attributionLines, measureBrowser, releaseBuilds } from './size-report';
import { resultMarkdown, resultTable, type BenchResults } from './summary';
import { workerHeap } from './worker-heap';

// `npm run bench`: every measurement of issues 8 and 17 in one run, one table on stdout, bench/results.json.
// Never fails on timings (exit 1 only if the bench itself could not run); the size budgets fail
// CI through `npm run bench:check`. Flags: --n=15 (repetitions), --markdown (README table too).
// Browsers, the sandbox and the builds start through the e2e harness and build/vite-build.ts.
// Everything but the measured release build goes to a scratch directory outside the project, so
// it never races with someone's e2e run reading dist/chrome-sandbox, and prettier, tsc and git
// never see it.
const TMP = join(tmpdir(), 'mfa-resync-bench');

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const N = Math.max(3, Number(arg('n') ?? 15));
const CLI_RUNS = Math.max(1, Math.round(N / 3));
const started = performance.now();
const loadAtStart = Math.round((loadavg()[0] ?? 0) * 10) / 10;
const errors: string[] = [];
const step = (label: string) =>
  console.error(`bench: ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);

/** Asks for the status until it no longer says policyPending; ms since `since`. */
async function untilPolicyAnswers(page: ExtensionPage, since: number): Promise<number> {
  for (let tries = 0; tries < 100; tries++) {
    const { reply } = await timedMessage(page, { type: 'vault/status' });
    if ((reply as { value?: { policyPending?: boolean } } | null)?.value?.policyPending !== true) break;
    await sleep(100);
  }
  return performance.now() - since;
}

async function phase<T>(label: string, work: () => Promise<T>): Promise<T | undefined> {
  step(label);
  try {
    return await work();
  } catch (error) {
    errors.push(`${label}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return undefined;
  }
}

mkdirSync(TMP, { recursive: true });
step('building (the release builds, a hidden-sourcemap twin of each, the sandbox variant)');
// The sourcemap twins first, then the measured build: the two are seconds apart, so an edit
// someone saves meanwhile is unlikely to split them (and it is flagged if it does).
const mapBuild = (browser: TargetBrowser) =>
  buildOrThrow({ browser, variant: 'release', sourcemap: 'hidden', outDir: join(TMP, `map-${browser}`) });
const mapDirs = { chrome: mapBuild('chrome'), firefox: mapBuild('firefox') };
const dist = releaseBuilds(true);
const sandboxBuild = buildOrThrow({ browser: 'chrome', variant: 'sandbox', outDir: join(TMP, 'chrome-sandbox') });
// Only in the scratch build: the release build users install never has this page.
const floorPage = writeFloorPage(sandboxBuild);
const sizes = [
  measureBrowser('chrome', dist.chrome, { mapDir: mapDirs.chrome, projectRoot: ROOT }),
  measureBrowser('firefox', dist.firefox, { mapDir: mapDirs.firefox, projectRoot: ROOT }),
];

const content = await phase('content-script overhead on sign-in pages', () => measureContentOverhead(dist.chrome, N));

let popup: BenchResults['popup'];
let resync: BenchResults['resync'];
const memory: NonNullable<BenchResults['memory']> = {};
let chromiumVersion: string | undefined;
let firstMessageMs: number | undefined;
let policyReadyMs: number | undefined;
await phase('popup, resync and memory in the sandbox build', async () => {
  const clock = benchClock();
  const started = await startExtensionWithSandbox(launchChromium, sandboxBuild, { now: clock.now });
  const { sandbox, driver: browser } = started;
  try {
    const userAgent = await browser.worker.evaluate(() => navigator.userAgent);
    chromiumVersion = /Chrome\/([\d.]+)/.exec(userAgent)?.[1];
    // One extension page stays open: it sends the timed messages and hosts the worker's CDP session.
    const page = await browser.openPage(POPUP);
    // The first message after the browser starts is reported on its own, and so is the moment the
    // policy becomes readable (Chromium's first storage.managed read takes ~3 s): until then the
    // status answers `policyPending` after a short wait, which must not land in the popup medians.
    const launchedAt = performance.now();
    firstMessageMs = (await timedMessage(page, { type: 'vault/status' })).ms;
    policyReadyMs = await untilPolicyAnswers(page, launchedAt);
    memory.idle = await workerHeap(browser).catch(() => undefined);

    step(`popup time to interactive, locked (N=${N})`);
    const floor = await measureDocumentFloor(browser, N, floorPage);
    const locked = await measurePopupTti(browser, 'paste', N);
    popup = { floor, locked };
    const unlock = await timedMessage(page, { type: 'vault/unlock', paste: sessionPaste() });
    if ((unlock.reply as { ok?: boolean } | null)?.ok !== true) {
      throw new Error(`unlock with the sandbox session failed: ${JSON.stringify(unlock.reply).slice(0, 200)}`);
    }
    await timedMessage(page, { type: 'devices/list' });
    step(`popup time to interactive, unlocked (N=${N})`);
    popup = { floor, locked, unlocked: await measurePopupTti(browser, 'code1', N) };

    step(`resync latency: extension vs raw SigV4 (N=${N}) vs AWS CLI (N=${CLI_RUNS})`);
    const latency = await measureResyncLatency(page, { url: sandbox.url, clock }, N, CLI_RUNS);
    resync = { ...latency, firstMessageMs, policyReadyMs };
    memory.afterResync = await workerHeap(browser);
  } finally {
    await started.close();
  }
});

const results: BenchResults = {
  startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
  durationSeconds: Math.round((performance.now() - started) / 100) / 10,
  machine: {
    cpus: cpus().length,
    // Other work on the machine moves every timing; the 1-minute load average says how much.
    loadAverage: { atStart: loadAtStart, atEnd: Math.round((loadavg()[0] ?? 0) * 10) / 10 },
    node: process.version,
    ...(chromiumVersion ? { chromium: chromiumVersion } : {}),
  },
  n: N,
  sizes,
  ...(content ? { content } : {}),
  ...(popup ? { popup } : {}),
  ...(resync ? { resync } : {}),
  memory,
  errors,
};
writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

console.log(resultTable(results));
console.log('\nWhat dominates each bundle (minified bytes, from sourcemaps):');
for (const s of sizes) console.log(attributionLines(s).join('\n'));
for (const s of sizes.slice(0, 1)) {
  for (const shared of s.shared)
    console.log(`shared by ${shared.contexts.join(' + ')}: ${shared.file} (${shared.minBytes} B)`);
}
if (process.argv.includes('--markdown')) console.log(`\n${resultMarkdown(results)}`);
for (const e of errors) console.error(`bench: could not measure — ${e}`);
const { cpus: cpuCount, loadAverage } = results.machine;
console.log(
  `\nbench: ${results.durationSeconds} s on ${cpuCount} CPUs (load average ${loadAverage.atStart} → ${loadAverage.atEnd}); results in bench/results.json`,
);
process.exit(errors.length > 0 ? 1 : 0);
