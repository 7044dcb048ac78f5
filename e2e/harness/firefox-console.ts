import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

// Firefox's WebDriver BiDi sends no log.entryAdded events for moz-extension documents (measured on
// ESR 153: a popup tab's console.log never reaches puppeteer's page 'console' event, a web page's
// does), and the background script is not a browsing context at all. What does work for every
// extension context is the pref devtools.console.stdout.content, which makes Firefox print each
// console call to its stdout. So the harness reads the browser's stdout and stderr instead.

// `console.warn: "bg got" ({a:1}) 3` — string arguments are JSON-quoted, others printed as source.
const CONSOLE_LINE = /^console\.(log|info|warn|error|debug|trace|assert): ?(.*)$/;
// Uncaught errors of extension code are not console calls; Firefox reports them on stderr.
const UNCAUGHT_LINE = /^JavaScript (error|warning): (moz-extension:\/\/.*)$/;
// A quoted argument standing alone between spaces (not one inside an object or array literal).
const QUOTED_ARG = /(^|\s)"((?:[^"\\]|\\.)*)"(?=\s|$)/g;

function unquote(args: string): string {
  return args.replace(QUOTED_ARG, (whole: string, lead: string, body: string) => {
    try {
      return lead + (JSON.parse(`"${body}"`) as string);
    } catch {
      // Firefox escapes some characters in a way JSON does not accept (e.g. \x07): keep them raw.
      return whole;
    }
  });
}

/** Turns one line of Firefox's output into a console line in the harness format, or null. */
export function parseFirefoxOutputLine(line: string): string | null {
  const call = CONSOLE_LINE.exec(line);
  if (call) return `[firefox:${call[1] ?? 'log'}] ${unquote(call[2] ?? '')}`;
  const uncaught = UNCAUGHT_LINE.exec(line);
  if (uncaught) return `[firefox:uncaught-${uncaught[1] ?? 'error'}] ${uncaught[2] ?? ''}`;
  return null;
}

/** Appends every console line found in `streams` to `sink`, as the lines arrive. */
export function collectFirefoxConsole(streams: Array<Readable | null | undefined>, sink: string[]): void {
  for (const stream of streams) {
    if (!stream) continue;
    // A second reader next to puppeteer's own: both get every chunk of the stream.
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      const parsed = parseFirefoxOutputLine(line);
      if (parsed !== null) sink.push(parsed);
    });
  }
}
