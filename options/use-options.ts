import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Storage } from 'webextension-polyfill';
import { readPolicy } from '../background/policy-store';
import { ext } from '../src/shared/browser';
import { mergePolicy, type EffectiveSettings } from '../src/shared/effective-settings';
import type { ParsedPolicy } from '../src/shared/policy';
import { SETTINGS_KEY } from '../src/shared/settings';

// The options page is an extension page, so it reads storage.local (the user's settings) and
// storage.managed (the policy) itself instead of asking the background, and follows both live.

export interface OptionsState {
  parsed: ParsedPolicy;
  effective: EffectiveSettings;
}

/** Set a key to undefined to remove it (back to the default). */
export type SettingsPatch = Record<string, string | number | boolean | undefined>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readStoredSettings(): Promise<Record<string, unknown>> {
  const stored = (await ext.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  return isRecord(stored) ? stored : {};
}

async function readState(): Promise<OptionsState> {
  const [stored, parsed] = await Promise.all([readStoredSettings(), readPolicy()]);
  return { parsed, effective: mergePolicy(stored, parsed.policy) };
}

/**
 * Read-modify-write of the stored object, so keys this page does not show (or that other parts of
 * the extension add) survive a save.
 */
async function writeSettings(patch: SettingsPatch): Promise<void> {
  const next: Record<string, unknown> = { ...(await readStoredSettings()) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  await ext.storage.local.set({ [SETTINGS_KEY]: next });
}

export function useOptions(): { state: OptionsState | undefined; save: (patch: SettingsPatch) => Promise<void> } {
  const [state, setState] = useState<OptionsState>();
  useEffect(() => {
    let open = true;
    // Reloads can overlap (a local and a managed change close together); only the newest may land,
    // or a slower, older read would put stale values back on screen.
    let latest = 0;
    const reload = () => {
      const ticket = ++latest;
      void readState().then((next) => open && ticket === latest && setState(next));
    };
    const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
      if (area === 'managed' || (area === 'local' && SETTINGS_KEY in changes)) reload();
    };
    reload();
    ext.storage.onChanged.addListener(onChanged);
    return () => {
      open = false;
      ext.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  const save = useCallback((patch: SettingsPatch) => writeSettings(patch), []);
  return { state, save };
}
