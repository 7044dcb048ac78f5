import * as v from 'valibot';
import { PARTITIONS } from './partitions';

// User settings (storage.local: no secrets ever live here). Enterprise policy (managed storage)
// will override these key by key.
export const Settings = v.object({
  // Fractions are allowed so tests can lock within seconds; the options page offers whole minutes.
  idleLockMinutes: v.optional(v.pipe(v.number(), v.minValue(0.1), v.maxValue(240)), 15),
  partition: v.optional(v.picklist(PARTITIONS), 'aws'),
  fips: v.optional(v.boolean(), false),
  dualStack: v.optional(v.boolean(), false),
  endpointOverride: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  allowLongTermKeys: v.optional(v.boolean(), true),
  contentPromptEnabled: v.optional(v.boolean(), true),
});
export type Settings = v.InferOutput<typeof Settings>;

export const SETTINGS_KEY = 'settings';

/** Parses stored settings; an invalid stored value falls back to defaults instead of breaking. */
export function parseSettings(raw: unknown): Settings {
  const parsed = v.safeParse(Settings, raw ?? {});
  return parsed.success ? parsed.output : v.parse(Settings, {});
}

/**
 * An endpoint override must be https. Only the sandbox build (which alone has loopback host
 * permissions) accepts http://127.0.0.1 or http://localhost, so a release build can never be
 * pointed at a plain-http endpoint that would carry signed requests in the clear.
 */
export function isAllowedEndpointOverride(url: string, sandboxBuild: boolean): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password || parsed.search || parsed.hash) return false;
  if (parsed.protocol === 'https:') return true;
  return sandboxBuild && parsed.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(parsed.hostname);
}
