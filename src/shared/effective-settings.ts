import { parseSettings, type Settings } from './settings';
import { isRecord, type Policy } from './policy';

// The settings every part of the extension acts on: the user's own (storage.local) with the
// enterprise policy (src/shared/policy.ts parses it) laid over them, plus the two rules derived
// from them that the vault enforces (which accounts, how long a session may last).

/** Settings a user sees in the options page that the policy decides (or, for idle lock, caps). */
export type ManagedSetting =
  | 'idleLockMinutes'
  | 'partition'
  | 'fips'
  | 'dualStack'
  | 'endpointOverride'
  | 'allowLongTermKeys'
  | 'contentPromptEnabled'
  | 'copyAsCliEnabled';

/** What every part of the extension acts on: the user's settings with the policy laid over them. */
export interface EffectiveSettings extends Settings {
  copyAsCliEnabled: boolean;
  /** "Check with the next code" after a resync; only the policy can turn it off. */
  verifyAfterResyncEnabled: boolean;
  /** Absent: any account. Empty: none (a policy list without one valid id). */
  allowedAccountIds?: readonly string[];
  sessionMaxMinutes?: number;
  helpdeskUrl?: string;
  helpdeskText?: string;
  helpdeskTicketUrlTemplate?: string;
  /** "Ask an admin"; only the policy can turn it off. */
  askAdminEnabled: boolean;
  managed: ManagedSetting[];
}

/**
 * `rawUserSettings` is storage.local's `settings` as stored. copyAsCliEnabled is read from it
 * directly because the shared Settings schema does not carry it.
 */
export function mergePolicy(rawUserSettings: unknown, policy: Policy): EffectiveSettings {
  const user = parseSettings(rawUserSettings);
  const userCopyAsCli = isRecord(rawUserSettings) ? rawUserSettings['copyAsCliEnabled'] : undefined;
  const managed: ManagedSetting[] = [];
  const pick = <K extends ManagedSetting, T>(key: K, forced: T | undefined, own: T): T => {
    if (forced === undefined) return own;
    managed.push(key);
    return forced;
  };
  const effective: EffectiveSettings = {
    ...user,
    // The policy caps the idle lock; a user may still choose a shorter one.
    idleLockMinutes: pick(
      'idleLockMinutes',
      policy.idleLockMinutes === undefined ? undefined : Math.min(user.idleLockMinutes, policy.idleLockMinutes),
      user.idleLockMinutes,
    ),
    partition: pick('partition', policy.partition, user.partition),
    allowLongTermKeys: pick('allowLongTermKeys', policy.allowLongTermKeys, user.allowLongTermKeys),
    contentPromptEnabled: pick('contentPromptEnabled', policy.contentPromptEnabled, user.contentPromptEnabled),
    copyAsCliEnabled: pick('copyAsCliEnabled', policy.copyAsCliEnabled, userCopyAsCli !== false),
    verifyAfterResyncEnabled: policy.verifyAfterResyncEnabled !== false,
    askAdminEnabled: policy.askAdminEnabled !== false,
    managed,
  };
  if (policy.endpoints) {
    // Endpoints are one group: an admin who pins FIPS or a gateway must not be bypassed by a
    // user's own override, so the user's endpoint settings all give way.
    const { override, fips = false, dualStack = false } = policy.endpoints;
    effective.fips = fips;
    effective.dualStack = dualStack;
    if (override) effective.endpointOverride = override;
    else delete effective.endpointOverride;
    managed.push('fips', 'dualStack', 'endpointOverride');
  }
  if (policy.allowedAccountIds) effective.allowedAccountIds = policy.allowedAccountIds;
  if (policy.sessionMaxMinutes !== undefined) effective.sessionMaxMinutes = policy.sessionMaxMinutes;
  if (policy.helpdeskUrl) effective.helpdeskUrl = policy.helpdeskUrl;
  if (policy.helpdeskText) effective.helpdeskText = policy.helpdeskText;
  if (policy.helpdeskTicketUrlTemplate) effective.helpdeskTicketUrlTemplate = policy.helpdeskTicketUrlTemplate;
  return effective;
}

export function isAccountAllowed(settings: Pick<EffectiveSettings, 'allowedAccountIds'>, account: string): boolean {
  return settings.allowedAccountIds === undefined || settings.allowedAccountIds.includes(account);
}

/**
 * When an unlocked session must end: the credentials' own expiry or the policy's maximum session
 * length counted from unlock, whichever comes first (ISO string, as the vault stores it).
 */
export function sessionEndsAt(
  settings: Pick<EffectiveSettings, 'sessionMaxMinutes'>,
  unlockedAt: number,
  credentialExpiration?: string,
): string | undefined {
  if (settings.sessionMaxMinutes === undefined) return credentialExpiration;
  const cap = unlockedAt + settings.sessionMaxMinutes * 60_000;
  // Date.parse(undefined) is NaN too, so the guard only spares the call.
  // Stryker disable next-line ConditionalExpression: equivalent — either way an absent expiry is NaN
  const own = credentialExpiration === undefined ? Number.NaN : Date.parse(credentialExpiration);
  return Number.isNaN(own) || cap < own ? new Date(cap).toISOString() : credentialExpiration;
}
