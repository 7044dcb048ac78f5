import type { BundleContext } from '../build/bundle-sizes';

// The performance budgets from issue 17. Only the size budgets fail CI: bundle bytes are
// deterministic for a given source tree, while timings on a shared 2-core machine are not.

/**
 * What a size budget counts (gzip level 9 per file, build/bundle-sizes.ts):
 * - 'start': what loads before the context's first view is interactive. For the popup that is its
 *   HTML's entry script, stylesheet and modulepreloads, and everything those import statically:
 *   the code fields render from these alone. Views behind a dynamic import() are not in it.
 * - 'all': every file the context can ever load, lazy import() chunks included, so moving code
 *   behind a dynamic import does not by itself pass the total.
 */
export type SizeScope = 'start' | 'all';

export interface SizeBudget {
  context: BundleContext;
  scope: SizeScope;
  gzipBytes: number;
  /**
   * Only where a budget is known to be missed: what CI holds the context to meanwhile (today's size
   * plus about 1 KB for fixes, not features). The table still prints the budget's miss.
   */
  ciCeilingGzip?: number;
}

/**
 * Each fails `npm run bench:check` (CI) when a build exceeds it, or its CI ceiling where it has one.
 * The popup's two have ceilings: on 2026-12-03 it measured 15.3 KB at start and 21.1 KB in all
 * (with the check after a resync and the hand-off, all on-demand views in one chunk), and chunking,
 * minifier and CSS work could not close the gap: Preact with hooks (6.0 KB) and the stylesheet
 * (1.6 KB) leave 4.4 KB at start for code that needs ~7.7 KB. Meeting 12/16 needs less start code or
 * a smaller UI runtime: issue 17.
 */
export const SIZE_BUDGETS: readonly SizeBudget[] = [
  { context: 'popup', scope: 'start', gzipBytes: 12 * 1024, ciCeilingGzip: 16 * 1024 },
  { context: 'popup', scope: 'all', gzipBytes: 16 * 1024, ciCeilingGzip: 22 * 1024 },
  { context: 'content', scope: 'all', gzipBytes: 4 * 1024 },
  { context: 'background', scope: 'all', gzipBytes: 55 * 1024 },
];

/**
 * Reported by `npm run bench` with pass/miss and the margin, never enforced. Each is a difference
 * or ratio of two things measured in the same run, so it transfers from one machine to another.
 */
export const TIMING_TARGETS = {
  /** popup code fields focusable, minus a script-free extension page with the same stylesheet */
  popupFieldsOverFloorMs: { limit: 8, kind: 'max' },
  /** resync through the extension, minus one raw SigV4-signed request to the same endpoint */
  resyncOverheadMs: { limit: 5, kind: 'max' },
  /** AWS CLI time for the same resync, divided by the extension's */
  cliOverExtension: { limit: 40, kind: 'min' },
  /** added script (thread) time per sign-in page load, with the extension minus without */
  contentScriptMs: { limit: 0.3, kind: 'max' },
  /** worker JS heap after unlock + list + resync */
  workerHeapBytes: { limit: 3 * 1024 * 1024, kind: 'max' },
} as const satisfies Record<string, { limit: number; kind: 'max' | 'min' }>;

export type TimingTarget = keyof typeof TIMING_TARGETS;
