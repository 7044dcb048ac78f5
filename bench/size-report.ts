import { measureContexts, sharedFiles, type BundleContext, type ContextSize } from '../build/bundle-sizes';
import type { TargetBrowser } from '../build/manifest-for-target';
import { attribute, type Attribution } from '../build/sourcemap-attribution';
import { buildOrThrow, distDir } from '../build/vite-build';
import { SIZE_BUDGETS, type SizeScope } from './budgets';
import { kb, type Row } from './report';

// Bundle sizes per browser and context against the gzip budgets, and (when a sourcemap build is
// given) what dominates each context.

export interface BrowserSizes {
  browser: TargetBrowser;
  buildDir: string;
  contexts: Array<ContextSize & { attribution?: Attribution }>;
  shared: ReturnType<typeof sharedFiles>;
}

export interface SizeVerdict {
  browser: TargetBrowser;
  context: BundleContext;
  scope: SizeScope;
  files: number;
  minBytes: number;
  gzipBytes: number;
  budgetGzip: number;
  within: boolean;
  /** The budget's CI ceiling, where it has one (budgets.ts). */
  ceilingGzip?: number;
  /** What CI decides: within the budget, or else within its ceiling. */
  passesCi: boolean;
}

/**
 * The release builds users install, where `npm run build` puts them (dist/chrome, dist/firefox),
 * built first unless `rebuild` is false: sizes are only ever measured on these.
 */
export function releaseBuilds(rebuild: boolean): Record<TargetBrowser, string> {
  const dirs = { chrome: distDir('chrome', 'release'), firefox: distDir('firefox', 'release') };
  if (rebuild) for (const browser of ['chrome', 'firefox'] as const) buildOrThrow({ browser, variant: 'release' });
  return dirs;
}

export function measureBrowser(
  browser: TargetBrowser,
  buildDir: string,
  attributionFrom?: { mapDir: string; projectRoot: string },
): BrowserSizes {
  const contexts = measureContexts(buildDir);
  return {
    browser,
    buildDir,
    shared: sharedFiles(contexts),
    contexts: contexts.map((c) => ({
      ...c,
      ...(attributionFrom
        ? {
            attribution: attribute(
              buildDir,
              c.files.map((f) => f.file),
              attributionFrom.mapDir,
              attributionFrom.projectRoot,
            ),
          }
        : {}),
    })),
  };
}

/** One verdict per budget in budgets.ts and browser; a context that was not measured is a miss. */
export function sizeVerdicts(all: BrowserSizes[]): SizeVerdict[] {
  return all.flatMap((b) =>
    SIZE_BUDGETS.map((budget): SizeVerdict => {
      const c = b.contexts.find((x) => x.context === budget.context);
      const files = (c?.files ?? []).filter((f) => budget.scope === 'all' || !f.lazy);
      const gzipBytes = files.reduce((n, f) => n + f.gzipBytes, 0);
      const within = files.length > 0 && gzipBytes <= budget.gzipBytes;
      const ceiling = budget.ciCeilingGzip;
      return {
        browser: b.browser,
        context: budget.context,
        scope: budget.scope,
        files: files.length,
        minBytes: files.reduce((n, f) => n + f.minBytes, 0),
        gzipBytes,
        budgetGzip: budget.gzipBytes,
        within,
        ...(ceiling === undefined ? {} : { ceilingGzip: ceiling }),
        passesCi: within || (files.length > 0 && ceiling !== undefined && gzipBytes <= ceiling),
      };
    }),
  );
}

export const scopeLabel = (scope: SizeScope): string => (scope === 'start' ? 'at start' : 'all chunks');

/** "ok (1.2 KB to spare)" or "MISS by 1.2 KB"; bytes, so the margin is exact. */
export function sizeVerdictText(
  v: Pick<SizeVerdict, 'gzipBytes' | 'budgetGzip' | 'within' | 'files' | 'ceilingGzip' | 'passesCi'>,
): string {
  if (v.files === 0) return 'MISS (nothing measured)';
  const margin = Math.abs(v.budgetGzip - v.gzipBytes);
  if (v.within) return `ok (${kb(margin)} to spare)`;
  const miss = `MISS by ${kb(margin)} (${margin} B)`;
  if (v.ceilingGzip === undefined) return miss;
  return `${miss}; CI ceiling ${kb(v.ceilingGzip)}: ${v.passesCi ? 'ok' : 'OVER'}`;
}

export const SIZE_HEADER: Row = ['browser', 'context', 'counts', 'files', 'minified', 'gzip -9', 'budget', 'verdict'];

export function sizeRows(all: BrowserSizes[]): Row[] {
  return sizeVerdicts(all).map((v): Row => [
    v.browser,
    v.context,
    scopeLabel(v.scope),
    String(v.files),
    kb(v.minBytes),
    kb(v.gzipBytes),
    `≤ ${kb(v.budgetGzip)}`,
    sizeVerdictText(v),
  ]);
}

/** Top packages per context, as "name 12.3 KB (20%)" lines. */
export function attributionLines(sizes: BrowserSizes, top = 8): string[] {
  return sizes.contexts.flatMap((c) => {
    if (!c.attribution) return [];
    const total = c.attribution.packages.reduce((n, p) => n + p.bytes, 0) || 1;
    const fmt = (p: { name: string; bytes: number }) =>
      `${p.name} ${kb(p.bytes)} (${Math.round((100 * p.bytes) / total)}%)`;
    return [
      `${sizes.browser} ${c.context} — by package: ${c.attribution.packages.slice(0, top).map(fmt).join(', ')}`,
      `${sizes.browser} ${c.context} — top modules: ${c.attribution.modules.slice(0, 5).map(fmt).join(', ')}`,
      ...(c.attribution.sameBytes ? [] : [`  (note: a chunk changed between the measured and the sourcemap build)`]),
    ];
  });
}
