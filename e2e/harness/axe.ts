// axe-core in an extension page, through the driver only, so it runs the same in Chromium and
// Firefox. The library goes in as script source over the automation protocol (runScript): the
// extension's CSP forbids inline scripts and eval, and a test must not loosen the page it checks.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { ExtensionPage } from './driver';

/** axe's own bundle, read once; the minified build keeps each injection small. */
let source: string | undefined;
function axeSource(): string {
  source ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** One line per failing node: its selector and axe's summary of what to fix. */
  nodes: string[];
}

interface AxeHost {
  axe?: { run(context: Document, options: RunOptions): Promise<AxeResults> };
}

/**
 * Every axe violation on the page as it is now (axe's default rules: WCAG 2.x A/AA plus best
 * practices). Injects axe on first use in each document.
 */
export async function axeViolations(page: ExtensionPage): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as unknown as AxeHost).axe === 'object');
  if (!loaded) await page.runScript(axeSource());
  // The function runs in the page, so it cannot use anything from this module: everything is inline.
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as AxeHost).axe;
    if (!axe) throw new Error('axe-core did not load into the page');
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`),
    }));
  });
}

/** A readable report for a failed assertion: rule, impact, help, then each failing node. */
export function formatViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => [`${v.id} (${v.impact ?? 'n/a'}): ${v.help}`, ...v.nodes.map((n) => `    ${n}`)].join('\n'))
    .join('\n');
}
