import { ext } from '../src/shared/browser';
import type { EndpointChoice, Partition } from '../src/shared/partitions';
import { mergePolicy, type EffectiveSettings } from '../src/shared/policy';
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
