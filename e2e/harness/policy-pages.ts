import type { StatusView } from '../../src/shared/messages';
import type { ExtensionDriver, ExtensionPage } from './driver';
import { waitUntil } from './sandbox-control';

// What the policy tests read from the extension's own pages. Functions passed to evaluate() run in
// the page, so they use no helpers from this file (and no named inner functions: the test
// transform may wrap those in a helper the page does not have).

interface PageApi {
  storage: { managed: { get(keys: string | null): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
type ApiHost = { browser?: PageApi; chrome?: PageApi };

export interface OptionsRow {
  managed: boolean;
  disabled: boolean;
  checked: boolean;
  value: string;
  max: string | null;
}

export interface OptionsSnapshot {
  rows: Record<string, OptionsRow>;
  errors: Array<{ key: string; problem: string }>;
  accounts: string;
  helpdeskText: string;
  helpdeskUrl: string | null;
}

/** The options page as a user sees it: each setting row, the policy errors, the organization's rules. */
export function snapshotOptions(page: ExtensionPage): Promise<OptionsSnapshot | undefined> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('[data-testid^="row-"]')];
    if (rows.length === 0) return undefined;
    return {
      rows: Object.fromEntries(
        rows.map((row) => {
          const control = row.querySelector('input, select') as HTMLInputElement | null;
          return [
            (row.getAttribute('data-testid') ?? '').replace(/^row-/, ''),
            {
              managed: row.getAttribute('data-managed') === 'true',
              disabled: control?.disabled ?? false,
              checked: control?.checked ?? false,
              value: control?.value ?? '',
              max: control?.getAttribute('max') ?? null,
            },
          ];
        }),
      ),
      errors: [...document.querySelectorAll('[data-testid="policy-error"]')].map((item) => ({
        key: item.getAttribute('data-key') ?? '',
        problem: item.getAttribute('data-problem') ?? '',
      })),
      accounts: document.querySelector('[data-testid="org-accounts"]')?.textContent ?? '',
      helpdeskText: document.querySelector('[data-testid="helpdesk-text"]')?.textContent ?? '',
      helpdeskUrl: document.querySelector('[data-testid="helpdesk-link"]')?.getAttribute('href') ?? null,
    };
  });
}

/** storage.managed as any extension context (the content script included) reads it. */
export function readManaged(page: ExtensionPage, key: string): Promise<Record<string, unknown>> {
  return page.evaluate((k) => {
    const host = globalThis as unknown as ApiHost;
    const api = host.browser ?? host.chrome;
    return api ? api.storage.managed.get(k as string) : Promise.reject(new Error('no extension API'));
  }, key);
}

/** The popup's `vault/status` request, sent from an extension page as the popup sends it. */
export async function sendStatus(page: ExtensionPage): Promise<StatusView> {
  const reply = (await page.evaluate(() => {
    const host = globalThis as unknown as ApiHost;
    const api = host.browser ?? host.chrome;
    return api ? api.runtime.sendMessage({ type: 'vault/status' }) : Promise.reject(new Error('no extension API'));
  })) as { ok: boolean; value?: StatusView };
  if (!reply.ok || !reply.value) throw new Error(`vault/status failed: ${JSON.stringify(reply)}`);
  return reply.value;
}

export type PasteAnswer = { session: true } | { error: string };

/** Pastes into a fresh popup and presses Unlock; the answer is the session or the error's code. */
export async function answerToPaste(driver: ExtensionDriver, paste: string): Promise<PasteAnswer> {
  const popup = await driver.openPage('popup/index.html');
  try {
    await popup.fill('paste', paste);
    await popup.click('unlock');
    return await waitUntil(
      'the popup to answer the paste',
      () =>
        popup.evaluate((): PasteAnswer | undefined => {
          const error = document.querySelector('[data-testid="error"]');
          if (error) return { error: error.getAttribute('data-code') ?? '' };
          return document.querySelector('[data-testid="session"]') ? { session: true } : undefined;
        }),
      20_000,
      50,
    );
  } finally {
    await popup.close();
  }
}
