import type { Storage } from 'webextension-polyfill';
import { ext } from '../src/shared/browser';
import { isAccountAllowed, mergePolicy, sessionEndsAt } from '../src/shared/effective-settings';
import { parsePolicy, type ParsedPolicy } from '../src/shared/policy';
import { SETTINGS_KEY } from '../src/shared/settings';
import { readVault, storeInVault, wipeVault } from './vault';

// Enterprise policy as the background sees it. Nothing is cached in module scope: Chrome stops an
// MV3 worker at any time, and Firefox reads a managed-storage manifest afresh on every get(), so
// reading storage.managed each time is what keeps every decision on the current policy.

// Firefox rejects storage.managed.get() when no policy exists at all; that is "no policy", not an
// error worth showing. Anything else is reported, so an admin sees that their policy did not load.
const NO_POLICY = /manifest not found|no managed storage/i;

/** Reads and parses managed storage; never throws. */
export async function readPolicy(): Promise<ParsedPolicy> {
  let raw: unknown;
  try {
    raw = await ext.storage.managed.get();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (NO_POLICY.test(message)) return { policy: {}, errors: [] };
    return { policy: {}, errors: [{ key: '*', problem: 'unreadable' }] };
  }
  return parsePolicy(raw, { sandboxBuild: __SANDBOX_BUILD__ });
}

/**
 * Brings an unlocked session in line with a policy that changed while it was open: credentials of
 * an account no longer allowed, or long-term keys no longer allowed, are wiped; a shorter idle lock
 * or session maximum takes effect at once.
 */
export async function enforcePolicyOnVault(now = Date.now()): Promise<void> {
  const record = await readVault(now);
  if (!record) return;
  const [{ policy }, stored] = await Promise.all([readPolicy(), ext.storage.local.get(SETTINGS_KEY)]);
  const settings = mergePolicy(stored[SETTINGS_KEY], policy);
  const longTermRefused = record.kind === 'long-term' && !settings.allowLongTermKeys;
  if (!isAccountAllowed(settings, record.identity.account) || longTermRefused) {
    console.info('[mfa-resync] policy changed: the unlocked credentials are no longer allowed; wiped');
    await wipeVault();
    return;
  }
  const idleLockAt = Math.min(record.idleLockAt, now + settings.idleLockMinutes * 60_000);
  const expiration = sessionEndsAt(settings, record.unlockedAt, record.expiration);
  if (idleLockAt === record.idleLockAt && expiration === record.expiration) return;
  await storeInVault({ ...record, idleLockAt, ...(expiration ? { expiration } : {}) });
}

function onStorageChanged(_changes: Record<string, Storage.StorageChange>, area: string): void {
  // Chrome fires this when the admin's policy changes (also ~seconds after a force-install);
  // Firefox never does, its policies are fixed for the browser's run.
  if (area === 'managed') void enforcePolicyOnVault();
}

/**
 * Listens for policy changes. Must run in the worker's first turn (Chrome only wakes a stopped
 * worker for listeners registered then); safe to call more than once.
 */
export function watchManagedPolicy(): void {
  if (!ext.storage.onChanged.hasListener(onStorageChanged)) ext.storage.onChanged.addListener(onStorageChanged);
}
