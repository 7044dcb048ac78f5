import { ext } from '../src/shared/browser';
import type { EndpointChoice, Partition } from '../src/shared/partitions';
import { isAllowedEndpointOverride, parseSettings, SETTINGS_KEY, type Settings } from '../src/shared/settings';

export async function readSettings(): Promise<Settings> {
  return parseSettings((await ext.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
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
