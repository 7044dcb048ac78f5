import { endpointRefusal, resolveEndpoints, type EndpointChoice, type EndpointRefusal } from '../src/shared/partitions';
import type { EffectiveSettings } from '../src/shared/effective-settings';
import { isAllowedEndpointOverride } from '../src/shared/settings';

// What the options page says about endpoints is computed from the same table the background
// sends with (src/shared/partitions.ts), so the page can never promise a host that is not used.

type EndpointSettings = Pick<EffectiveSettings, 'partition' | 'fips' | 'dualStack' | 'endpointOverride'>;

/** The choice the background makes from these settings (background/settings-store.ts endpointChoice). */
export function choiceOf(settings: EndpointSettings): EndpointChoice {
  const { endpointOverride: override } = settings;
  return {
    partition: settings.partition,
    fips: settings.fips,
    dualStack: settings.dualStack,
    ...(override && isAllowedEndpointOverride(override, __SANDBOX_BUILD__) ? { override } : {}),
  };
}

export type EndpointTarget =
  | { kind: 'aws'; iamHost: string; stsHost: string }
  | { kind: 'override'; url: string }
  | { kind: 'refused'; refusal: EndpointRefusal };

export function targetOf(settings: EndpointSettings): EndpointTarget {
  const choice = choiceOf(settings);
  const refusal = endpointRefusal(choice);
  if (refusal) return { kind: 'refused', refusal };
  if (choice.override) return { kind: 'override', url: choice.override };
  const { iam, sts } = resolveEndpoints(choice);
  return { kind: 'aws', iamHost: new URL(iam).host, stsHost: new URL(sts).host };
}

/**
 * A toggle that is off and could not be turned on: the partition has no such endpoint (with the
 * other toggle as it is). A toggle that is on stays usable, so a refused setting can be undone.
 */
export function cannotTurnOn(settings: EndpointSettings, setting: 'fips' | 'dualStack'): boolean {
  if (settings[setting]) return false;
  return endpointRefusal(choiceOf({ ...settings, [setting]: true })) !== undefined;
}
