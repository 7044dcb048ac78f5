import type { BrowserContext } from 'playwright-core';
import { extensionBaseUrlOf, extensionWorker, launchChromiumContext } from '../e2e/harness/chromium-launch';
import { startSigninFixtureServer } from '../e2e/harness/signin-fixture-server';
import { summarize, type Summary } from './stats';

// Content-script overhead: the same sign-in page loaded N times in a browser with the extension
// and N times in one without (same flags, same run, loads alternated so drift hits both arms),
// reading the renderer's main-thread counters over each load. Thread time (threadTicks), not wall
// time, so a descheduled renderer on a busy 2-core machine does not count as work. The pages are
// the e2e sign-in fixtures, served by the e2e fixture server under the real sign-in hostname.

const FIXTURES = ['legacy/iam-mfa.html', 'v2/mfa.html', 'legacy/root-mfa.html'];

/** Lets the content script's own follow-up work (observers, timers) land in the measurement. */
const SETTLE_AFTER_LOAD_MS = 100;

export interface LoadMetrics {
  /** V8 script execution on the main thread, in any world (page or content script). */
  scriptMs: number;
  /** All main-thread tasks: parse, style, layout, script, isolated-world setup. */
  taskMs: number;
}

export interface PageOverhead {
  page: string;
  with: { script: Summary; task: Summary };
  without: { script: Summary; task: Summary };
  /** median(with) − median(without) */
  addedScriptMs: number;
  addedTaskMs: number;
}

export interface InjectionProof {
  url: string;
  /** Isolated worlds the extension created in the page (its content script's execution context). */
  extensionWorlds: number;
}

export interface ContentOverhead {
  pages: PageOverhead[];
  proof: InjectionProof[];
}

/** A browser the bench loads pages in: the e2e driver's, or the same launcher's without the extension. */
interface PageHost {
  context: BrowserContext;
}

type Metric = { name: string; value: number };
const metric = (metrics: Metric[], name: string): number => metrics.find((m) => m.name === name)?.value ?? 0;

async function loadOnce(browser: PageHost, url: string): Promise<LoadMetrics> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const before = (await cdp.send('Performance.getMetrics')).metrics;
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_AFTER_LOAD_MS);
    const after = (await cdp.send('Performance.getMetrics')).metrics;
    return {
      scriptMs: (metric(after, 'ScriptDuration') - metric(before, 'ScriptDuration')) * 1000,
      taskMs: (metric(after, 'TaskDuration') - metric(before, 'TaskDuration')) * 1000,
    };
  } finally {
    await page.close();
  }
}

async function measurePageOverhead(
  withExtension: PageHost,
  withoutExtension: PageHost,
  name: string,
  url: string,
  n: number,
): Promise<PageOverhead> {
  const withLoads: LoadMetrics[] = [];
  const withoutLoads: LoadMetrics[] = [];
  // One unmeasured load per arm: the first also pays for TLS setup and the HTTP cache.
  await loadOnce(withExtension, url);
  await loadOnce(withoutExtension, url);
  for (let i = 0; i < n; i++) {
    const order = i % 2 === 0 ? [true, false] : [false, true];
    for (const extension of order) {
      if (extension) withLoads.push(await loadOnce(withExtension, url));
      else withoutLoads.push(await loadOnce(withoutExtension, url));
    }
  }
  const arm = (loads: LoadMetrics[]) => ({
    script: summarize(loads.map((l) => l.scriptMs)),
    task: summarize(loads.map((l) => l.taskMs)),
  });
  const withArm = arm(withLoads);
  const withoutArm = arm(withoutLoads);
  return {
    page: name,
    with: withArm,
    without: withoutArm,
    addedScriptMs: withArm.script.median - withoutArm.script.median,
    addedTaskMs: withArm.task.median - withoutArm.task.median,
  };
}

/**
 * Counts the isolated worlds whose origin is the extension: Chromium creates one per frame when
 * (and only when) a content script is injected, so 0 on a non-sign-in page proves it was not.
 */
async function injectionProof(browser: PageHost & { extensionBaseUrl: string }, url: string): Promise<InjectionProof> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    const origins: string[] = [];
    cdp.on('Runtime.executionContextCreated', (event) => origins.push(event.context.origin));
    await cdp.send('Runtime.enable');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_AFTER_LOAD_MS);
    return { url, extensionWorlds: origins.filter((o) => o.startsWith(browser.extensionBaseUrl)).length };
  } finally {
    await page.close();
  }
}

/**
 * Every fixture loaded N times with the extension in `extensionDir` and N times without it, in two
 * browsers started the same way, and whether the script is injected on sign-in and elsewhere.
 */
export async function measureContentOverhead(extensionDir: string, n: number): Promise<ContentOverhead> {
  const server = await startSigninFixtureServer();
  const options = { hostResolverRules: server.chromiumHostResolverRules, ignoreHttpsErrors: true };
  const closing: Array<() => Promise<void>> = [() => server.close()];
  try {
    // Both arms from the one launcher and nothing else (no e2e driver's console listeners on one
    // side only): the extension is the only difference between them.
    const withContext = await launchChromiumContext('', extensionDir, options);
    closing.unshift(() => withContext.close());
    const withExtension = {
      context: withContext,
      extensionBaseUrl: extensionBaseUrlOf(await extensionWorker(withContext)),
    };
    const withoutExtension = { context: await launchChromiumContext('', undefined, options) };
    closing.unshift(() => withoutExtension.context.close());
    const pages: PageOverhead[] = [];
    for (const name of FIXTURES) {
      pages.push(
        await measurePageOverhead(
          withExtension,
          withoutExtension,
          name,
          server.url('signin.aws.amazon.com', `/${name}`),
          n,
        ),
      );
    }
    const first = `/${FIXTURES[0] ?? ''}`;
    const proof = [
      await injectionProof(withExtension, server.url('signin.aws.amazon.com', first)),
      // No content_scripts pattern matches this host: the script must not be injected there.
      await injectionProof(withExtension, server.url('example.com', first)),
    ];
    return { pages, proof };
  } finally {
    for (const close of closing) await close().catch(() => undefined);
  }
}
