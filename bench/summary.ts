import type { ContentOverhead } from './content-overhead';
import type { PopupTtiResult } from './popup-tti';
import { kb, markdownTable, ms, textTable, type Row } from './report';
import type { ResyncLatencyResult } from './resync-latency';
import { scopeLabel, sizeVerdicts, sizeVerdictText, type BrowserSizes } from './size-report';
import type { Summary } from './stats';
import { formatTarget, targetText, targetVerdict } from './targets';
import type { TimingTarget } from './budgets';
import type { HeapReading } from './worker-heap';

// Everything one `npm run bench` measured, and the one table it prints (and README shows).

export interface BenchResults {
  startedAt: string;
  durationSeconds: number;
  machine: { cpus: number; loadAverage: { atStart: number; atEnd: number }; node: string; chromium?: string };
  n: number;
  sizes: BrowserSizes[];
  content?: ContentOverhead;
  popup?: { floor?: Summary; locked: PopupTtiResult; unlocked?: PopupTtiResult };
  resync?: ResyncLatencyResult & { firstMessageMs?: number; policyReadyMs?: number };
  memory?: { idle?: HeapReading; afterResync?: HeapReading };
  errors: string[];
}

const HEADER: Row = ['measure', 'result', 'budget / target', 'verdict', 'how'];
const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(2)} MB`);
const spread = (s: Summary) => `N=${s.n}, IQR ${s.p25.toFixed(1)}–${s.p75.toFixed(1)} ms`;
/** A row for one issue-17 target: the measured difference, the target, pass/miss and by how much. */
const targetRow = (label: string, target: TimingTarget, value: number | undefined, how: string): Row => [
  label,
  value === undefined || !Number.isFinite(value) ? 'n/a' : formatTarget(target, value),
  targetText(target),
  targetVerdict(target, value).text,
  how,
];

function sizeRows(results: BenchResults): Row[] {
  return sizeVerdicts(results.sizes).map((v): Row => [
    `${v.browser} ${v.context} bundle, ${scopeLabel(v.scope)}`,
    `${kb(v.minBytes)} min / ${kb(v.gzipBytes)} gz`,
    `≤ ${kb(v.budgetGzip)} gz`,
    sizeVerdictText(v),
    `${v.files} file(s)${v.scope === 'start' ? ': HTML entry, stylesheet, modulepreloads and their static imports' : ', lazy import() chunks included'}`,
  ]);
}

function popupRows(popup: NonNullable<BenchResults['popup']>): Row[] {
  const rows = (label: string, r: PopupTtiResult, field: string): Row[] => [
    [`popup ${label}: first paint`, ms(r.firstPaint.median), '', '', `median, ${spread(r.firstPaint)}`],
    [
      `popup ${label}: ${field} focusable`,
      ms(r.interactive.median),
      '',
      '',
      `median, ${spread(r.interactive)}; cold first open ${ms(r.cold?.interactiveMs)}`,
    ],
  ];
  const floor: Row[] = popup.floor
    ? [
        [
          'floor: first paint of a script-free extension page with the popup stylesheet',
          ms(popup.floor.median),
          '',
          '',
          `median, ${spread(popup.floor)}; the built popup HTML without its scripts`,
        ],
      ]
    : [];
  const over = popup.floor && popup.unlocked ? popup.unlocked.interactive.median - popup.floor.median : undefined;
  return [
    ...floor,
    ...rows('locked', popup.locked, 'paste box'),
    ...(popup.unlocked ? rows('unlocked', popup.unlocked, 'code fields') : []),
    targetRow(
      'popup code fields focusable, over the floor',
      'popupFieldsOverFloorMs',
      over,
      'median unlocked code fields focusable − median floor first paint, same run',
    ),
  ];
}

function contentRows(content: NonNullable<BenchResults['content']>): Row[] {
  const pageRows = content.pages.flatMap((p): Row[] => [
    [
      `content script on ${p.page}: added main-thread time`,
      ms(p.addedTaskMs, 2),
      '',
      '',
      `Δ median TaskDuration with−without ext, N=${p.with.task.n}+${p.without.task.n}; without IQR ${p.without.task.p25.toFixed(1)}–${p.without.task.p75.toFixed(1)} ms`,
    ],
    targetRow(
      `content script on ${p.page}: added script time`,
      'contentScriptMs',
      p.addedScriptMs,
      `Δ median ScriptDuration (thread time), with IQR ${p.with.script.p25.toFixed(2)}–${p.with.script.p75.toFixed(2)} ms`,
    ),
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
  const rows: Row[] = [
    ['resync via extension (message → reply)', ms(r.extension.median), '', '', `median, ${spread(r.extension)}`],
    ['resync via raw SigV4 request from node', ms(r.raw.median), '', '', `median, ${spread(r.raw)}`],
    targetRow('resync overhead over a raw SigV4 request', 'resyncOverheadMs', r.overheadMs, 'difference of medians'),
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
    rows.push(targetRow('AWS CLI ÷ extension, same resync', 'cliOverExtension', r.cliRatio, 'ratio of medians'));
  } else {
    rows.push(['resync via AWS CLI', 'skipped', '', '', r.cliSkipped ?? '']);
    rows.push(targetRow('AWS CLI ÷ extension, same resync', 'cliOverExtension', undefined, r.cliSkipped ?? ''));
  }
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
  const m = memory.afterResync;
  rows.push(
    targetRow(
      'worker JS heap after unlock+list+resyncs',
      'workerHeapBytes',
      m?.usedBytes,
      m ? `Runtime.getHeapUsage on the worker; ${mb(m.usedAfterGcBytes)} after a forced GC` : 'not measured',
    ),
  );
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
