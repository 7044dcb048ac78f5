import { TIMING_BUDGET_MS } from './budgets';
import type { InjectionProof, PageOverhead } from './content-overhead';
import type { HeapReading } from './memory';
import type { PopupTtiResult } from './popup-tti';
import { kb, markdownTable, ms, textTable, type Row } from './report';
import type { ResyncLatencyResult } from './resync-latency';
import { sizeVerdict, type BrowserSizes } from './size-report';
import type { Summary } from './stats';

// Everything one `npm run bench` measured, and the one table it prints (and README shows).

export interface BenchResults {
  startedAt: string;
  durationSeconds: number;
  machine: { cpus: number; loadAverage: { atStart: number; atEnd: number }; node: string; chromium?: string };
  n: number;
  sizes: BrowserSizes[];
  content?: {
    pageSource: string;
    pages: PageOverhead[];
    proof: InjectionProof[];
  };
  popup?: { floor?: Summary; locked: PopupTtiResult; unlocked?: PopupTtiResult };
  resync?: ResyncLatencyResult & { firstMessageMs?: number; policyReadyMs?: number };
  memory?: { idle?: HeapReading; afterResync?: HeapReading };
  errors: string[];
}

const HEADER: Row = ['measure', 'result', 'budget', 'verdict', 'how'];
const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(2)} MB`);
const spread = (s: Summary) => `N=${s.n}, IQR ${s.p25.toFixed(1)}–${s.p75.toFixed(1)} ms`;
const verdict = (value: number, budget: number) => (!Number.isFinite(value) ? 'n/a' : value <= budget ? 'ok' : 'over');

function sizeRows(results: BenchResults): Row[] {
  return results.sizes.flatMap((b) =>
    b.contexts.map((c): Row => [
      `${b.browser} ${c.context} bundle`,
      `${kb(c.minBytes)} min / ${kb(c.gzipBytes)} gz`,
      `≤ ${kb(c.budgetGzip)} gz`,
      sizeVerdict(c),
      c.files.some((f) => f.lazy)
        ? `${c.files.length} files; ${kb(c.eagerGzipBytes)} gz load at start, the rest is lazy import() chunks`
        : `${c.files.length} file(s), all loaded at start`,
    ]),
  );
}

function popupRows(popup: NonNullable<BenchResults['popup']>): Row[] {
  const budget = TIMING_BUDGET_MS.popupInteractive;
  const rows = (label: string, r: PopupTtiResult, field: string): Row[] => [
    [`popup ${label}: first paint`, ms(r.firstPaint.median), '', '', `median, ${spread(r.firstPaint)}`],
    [
      `popup ${label}: ${field} focusable`,
      ms(r.interactive.median),
      `≤ ${budget} ms`,
      verdict(r.interactive.median, budget),
      `median, ${spread(r.interactive)}; cold first open ${ms(r.cold?.interactiveMs)}`,
    ],
  ];
  const floor: Row[] = popup.floor
    ? [
        [
          'floor: first paint of a script-free extension document',
          ms(popup.floor.median),
          '',
          '',
          `median, ${spread(popup.floor)}; manifest.json in a tab`,
        ],
      ]
    : [];
  return [
    ...floor,
    ...rows('locked', popup.locked, 'paste box'),
    ...(popup.unlocked ? rows('unlocked', popup.unlocked, 'code fields') : []),
  ];
}

function contentRows(content: NonNullable<BenchResults['content']>): Row[] {
  const budget = TIMING_BUDGET_MS.contentOverhead;
  const pageRows = content.pages.flatMap((p): Row[] => [
    [
      `content script on ${p.page}: added main-thread time`,
      ms(p.addedTaskMs, 2),
      `< ${budget} ms`,
      verdict(p.addedTaskMs, budget),
      `Δ median TaskDuration with−without ext, N=${p.with.task.n}+${p.without.task.n}; without IQR ${p.without.task.p25.toFixed(1)}–${p.without.task.p75.toFixed(1)} ms`,
    ],
    [
      `content script on ${p.page}: added script time`,
      ms(p.addedScriptMs, 2),
      `< ${budget} ms`,
      verdict(p.addedScriptMs, budget),
      `Δ median ScriptDuration (thread time), with IQR ${p.with.script.p25.toFixed(2)}–${p.with.script.p75.toFixed(2)} ms`,
    ],
  ]);
  const proof = content.proof.map((p): Row => {
    const host = new URL(p.url).hostname;
    return [
      `content script injected on ${host}?`,
      p.extensionWorlds > 0 ? 'yes' : 'no',
      '',
      '',
      'extension isolated worlds seen over CDP',
    ];
  });
  return [...pageRows, ...proof];
}

function resyncRows(r: NonNullable<BenchResults['resync']>): Row[] {
  const budget = TIMING_BUDGET_MS.resyncOverhead;
  const rows: Row[] = [
    ['resync via extension (message → reply)', ms(r.extension.median), '', '', `median, ${spread(r.extension)}`],
    ['resync via raw SigV4 request from node', ms(r.raw.median), '', '', `median, ${spread(r.raw)}`],
    [
      'extension overhead over raw request',
      ms(r.overheadMs),
      `≤ ${budget} ms`,
      verdict(r.overheadMs, budget),
      'difference of medians',
    ],
    [
      'runtime message round trip (vault/status)',
      ms(r.messageRoundTrip.median),
      '',
      '',
      `median, ${spread(r.messageRoundTrip)}`,
    ],
    ['first message after browser start (vault/status)', ms(r.firstMessageMs), '', '', 'once; not in any median'],
    [
      'policy readable after browser start',
      ms(r.policyReadyMs),
      '',
      '',
      'until vault/status stops saying policyPending; the popup medians are taken after it',
    ],
  ];
  if (r.cli && r.cliRatio !== undefined) {
    rows.push(['resync via AWS CLI (process start → exit)', ms(r.cli.median, 0), '', '', `median, N=${r.cli.n}`]);
    rows.push(['AWS CLI ÷ extension', `${r.cliRatio.toFixed(1)}×`, '', '', 'ratio of medians']);
  } else rows.push(['resync via AWS CLI', 'skipped', '', '', r.cliSkipped ?? '']);
  if (r.failures.length > 0)
    rows.push(['resync failures', String(r.failures.length), '', 'check', r.failures[0] ?? '']);
  return rows;
}

function memoryRows(memory: NonNullable<BenchResults['memory']>): Row[] {
  const rows: Row[] = [];
  if (memory.idle) {
    rows.push([
      'worker JS heap, fresh start',
      `${mb(memory.idle.usedBytes)} (${mb(memory.idle.usedAfterGcBytes)} after GC)`,
      '',
      '',
      'Runtime.getHeapUsage on the worker',
    ]);
  }
  if (memory.afterResync) {
    const m = memory.afterResync;
    rows.push([
      'worker JS heap after unlock+list+resyncs',
      `${mb(m.usedBytes)} (${mb(m.usedAfterGcBytes)} after GC)`,
      '',
      '',
      'Runtime.getHeapUsage on the worker',
    ]);
  }
  return rows;
}

export function resultRows(results: BenchResults): Row[] {
  return [
    ...sizeRows(results),
    ...(results.popup ? popupRows(results.popup) : []),
    ...(results.content ? contentRows(results.content) : []),
    ...(results.resync ? resyncRows(results.resync) : []),
    ...(results.memory ? memoryRows(results.memory) : []),
  ];
}

export const resultTable = (results: BenchResults): string => textTable(HEADER, resultRows(results));
export const resultMarkdown = (results: BenchResults): string => markdownTable(HEADER, resultRows(results));
