import type { ContentApi } from './extension-api';

// What the user and their admin decided about the prompt. storage.local holds no secrets, so the
// content script may read it; managed storage is the enterprise policy.

/** storage.local key of the user's settings (src/shared/settings.ts SETTINGS_KEY). */
const SETTINGS_KEY = 'settings';
/** storage.local key: accounts (id or alias, lower case) where the user said "Don't ask". */
export const SUPPRESSED_ACCOUNTS_KEY = 'promptSuppressedAccounts';
/** Plenty for anyone, and keeps a runaway list from growing storage without bound. */
const MAX_SUPPRESSED_ACCOUNTS = 500;

export interface PromptSettings {
  /** False when the user or the admin turned the prompt off. */
  enabled: boolean;
  /** Accounts where the user said "Don't ask". */
  suppressed: Set<string>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function accountList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Only an explicit `contentPromptEnabled: false` turns the prompt off. Read without valibot (size):
 * unlike parseSettings, a settings object that is invalid elsewhere still counts as "off" here,
 * which errs on the side of the user's wish to be left alone.
 */
function turnedOff(value: unknown): boolean {
  return isRecord(value) && value['contentPromptEnabled'] === false;
}

/** Enterprise policy; no managed storage at all (no policy installed) decides nothing. */
async function policyTurnsPromptOff(api: ContentApi): Promise<boolean> {
  try {
    return turnedOff(await api.storage.managed?.get('contentPromptEnabled'));
  } catch {
    return false;
  }
}

/**
 * The user's choices (storage.local) and the admin's. `enabled` is false only on an explicit
 * opt-out, or when storage cannot be read at all (the extension was reloaded under the page).
 */
export async function readPromptSettings(api: ContentApi): Promise<PromptSettings> {
  try {
    const [stored, policyOff] = await Promise.all([
      api.storage.local.get([SETTINGS_KEY, SUPPRESSED_ACCOUNTS_KEY]),
      policyTurnsPromptOff(api),
    ]);
    return {
      enabled: !turnedOff(stored[SETTINGS_KEY]) && !policyOff,
      suppressed: new Set(accountList(stored[SUPPRESSED_ACCOUNTS_KEY])),
    };
  } catch {
    return { enabled: false, suppressed: new Set() };
  }
}

/** "Don't ask on this account": remembered in storage.local, read back on every sign-in page. */
export async function suppressAccount(api: ContentApi, account: string): Promise<void> {
  const stored = await api.storage.local.get(SUPPRESSED_ACCOUNTS_KEY);
  const accounts = accountList(stored[SUPPRESSED_ACCOUNTS_KEY]);
  if (accounts.includes(account)) return;
  await api.storage.local.set({ [SUPPRESSED_ACCOUNTS_KEY]: [...accounts, account].slice(-MAX_SUPPRESSED_ACCOUNTS) });
}
