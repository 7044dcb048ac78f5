import { SIZE_BUDGET_GZIP, SIZE_CEILING_GZIP, type BundleContext } from './budgets';
import { measureContexts, sharedFiles, type ContextSize } from './bundle-sizes';
import type { Browser } from './builds';
import { kb, type Row } from './report';
import { attribute, type Attribution } from './sourcemap-attribution';

// Bundle sizes per browser and context against the gzip budget, and (when a sourcemap build is
// given) what dominates each context.

export interface BrowserSizes {
  browser: Browser;
  buildDir: string;
  contexts: Array<
    ContextSize & {
      budgetGzip: number;
      withinBudget: boolean;
      /** What CI enforces (budgets.ts SIZE_CEILING_GZIP); the budget except where noted there. */
      ceilingGzip: number;
      withinCeiling: boolean;
      attribution?: Attribution;
    }
  >;
  shared: ReturnType<typeof sharedFiles>;
}

export function measureBrowser(
  browser: Browser,
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
      budgetGzip: SIZE_BUDGET_GZIP[c.context],
      withinBudget: c.gzipBytes <= SIZE_BUDGET_GZIP[c.context],
      ceilingGzip: SIZE_CEILING_GZIP[c.context],
      withinCeiling: c.gzipBytes <= SIZE_CEILING_GZIP[c.context],
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

export const SIZE_HEADER: Row = [
  'browser',
  'context',
  'files',
  'minified',
  'gzip -9',
  'of which at start',
  'budget (gzip)',
  'verdict',
];

export function sizeRows(all: BrowserSizes[]): Row[] {
  return all.flatMap((b) =>
    b.contexts.map((c): Row => {
      const lazy = c.files.filter((f) => f.lazy);
      const files = `${c.files.length}${lazy.length > 0 ? ` (${lazy.length} lazy)` : ''}`;
      return [
        b.browser,
        c.context,
        files,
        kb(c.minBytes),
        kb(c.gzipBytes),
        kb(c.eagerGzipBytes),
        `≤ ${kb(c.budgetGzip)}`,
        sizeVerdict(c),
      ];
    }),
  );
}

/** "ok", or over the budget but under the CI ceiling, or over what CI allows. */
export function sizeVerdict(c: { withinBudget: boolean; withinCeiling: boolean; ceilingGzip: number }): string {
  if (c.withinBudget) return 'ok';
  return c.withinCeiling ? `over (CI ceiling ${kb(c.ceilingGzip)}: ok)` : 'OVER (fails CI)';
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

export interface SizeExcess {
  browser: Browser;
  context: BundleContext;
  gzipBytes: number;
  budgetGzip: number;
  ceilingGzip: number;
}

/** Contexts over their budget; `failsCi` marks those over the ceiling CI enforces. */
export function overBudget(all: BrowserSizes[]): Array<SizeExcess & { failsCi: boolean }> {
  return all.flatMap((b) =>
    b.contexts
      .filter((c) => !c.withinBudget)
      .map((c) => ({
        browser: b.browser,
        context: c.context,
        gzipBytes: c.gzipBytes,
        budgetGzip: c.budgetGzip,
        ceilingGzip: c.ceilingGzip,
        failsCi: !c.withinCeiling,
      })),
  );
}
