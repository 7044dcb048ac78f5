import { ext } from '../src/shared/browser';
import type { EndpointChoice, Partition } from '../src/shared/partitions';
import { mergePolicy, type EffectiveSettings } from '../src/shared/effective-settings';
import { isAllowedEndpointOverride, SETTINGS_KEY, type Settings } from '../src/shared/settings';
import { readPolicy, watchManagedPolicy } from './policy-store';

// Every background path reads settings through here, so this module is loaded in the worker's
// first turn: the one moment a listener registration counts in MV3 (idempotent, so it can move
// to background/index.ts without harm).
watchManagedPolicy();

/** The user's settings with the enterprise policy laid over them: policy wins, key by key. */
export async function readSettings(): Promise<EffectiveSettings> {
  const [stored, { policy }] = await Promise.all([ext.storage.local.get(SETTINGS_KEY), readPolicy()]);
  return mergePolicy(stored[SETTINGS_KEY], policy);
}

/**
 * How long the popup's status waits for the policy. A read answers in about 1 ms, also in a worker
 * that just started; only the first storage.managed read after a browser start takes ~3 s in
 * Chromium (once per browser start; starting it earlier does not make it answer sooner: measured
 * for issue 8). Past this wait the popup opens without the policy's display fields.
 */
const DISPLAY_POLICY_WAIT_MS = 25;

/**
 * The settings for what the popup shows, or undefined when the policy has not answered within
 * DISPLAY_POLICY_WAIT_MS (the popup then shows nothing the policy decides, and asks again). Only
 * for display: every action (unlock, list, resync) awaits readSettings(), so a policy that has not
 * answered yet can never be bypassed.
 */
export async function readSettingsForDisplay(waitMs = DISPLAY_POLICY_WAIT_MS): Promise<EffectiveSettings | undefined> {
  const full = readSettings();
  // Nobody may be waiting when a late read fails; a failure within the wait still reaches the caller.
  full.catch(() => undefined);
  // The timer is left to run out: resolving a promise nobody awaits any more is harmless.
  const late = new Promise<undefined>((resolve) => setTimeout(resolve, waitMs));
  return Promise.race([full, late]);
}

/**
 * Which endpoints to call. The partition comes from the caller's ARN once known (unlock), else from
 * settings. An override that is not allowed for this build is ignored rather than half-used.
 */
export function endpointChoice(settings: Settings, partition: Partition = settings.partition): EndpointChoice {
  const override =
    settings.endpointOverride && isAllowedEndpointOverride(settings.endpointOverride, __SANDBOX_BUILD__)
      ? settings.endpointOverride
      : undefined;
  return {
    partition,
    fips: settings.fips,
    dualStack: settings.dualStack,
    ...(override ? { override } : {}),
  };
}
