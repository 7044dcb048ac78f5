import { ext } from '../src/shared/browser';
import type { SessionView } from '../src/shared/messages';
import type { Partition } from '../src/shared/partitions';
import { LISTING_KEY, VAULT_KEY } from './session-keys';

// The credential vault: the only place a secret lives, and only in storage.session (memory-backed,
// gone on browser restart, not readable by content scripts). Nothing here is ever written to
// storage.local/sync or put in a message. Chrome may stop the worker at any time, so the vault
// keeps no state in module variables.

export interface AwsSecret {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface VaultRecord {
  secret: AwsSecret;
  kind: 'temporary' | 'long-term';
  expiration?: string;
  /** A session this extension obtained with a second MFA device. */
  mfaSession?: boolean;
  /**
   * Kept after a successful resync only so the user can check the device with its next code
   * (verify-device.ts), for CHECK_WINDOW_MS at most: nothing else may use these credentials.
   */
  checkOnly?: boolean;
  identity: { arn: string; account: string; userId: string };
  partition: Partition;
  unlockedAt: number;
  idleLockAt: number;
}

// Alarm names are keys shared through these constants (index.ts listens by them): another name that
// does not clash behaves the same; the vault test checks they differ.
// Stryker disable next-line StringLiteral: equivalent, see above
export const IDLE_ALARM = 'vault-idle';
// Stryker disable next-line StringLiteral: equivalent, see above
export const EXPIRY_ALARM = 'vault-expiry';

export async function storeInVault(record: VaultRecord): Promise<void> {
  await ext.storage.session.set({ [VAULT_KEY]: record });
  await scheduleLockAlarms(record);
}

/** The unlocked record, or undefined when locked; expired credentials are wiped on sight. */
export async function readVault(now = Date.now()): Promise<VaultRecord | undefined> {
  const stored = (await ext.storage.session.get(VAULT_KEY))[VAULT_KEY] as VaultRecord | undefined;
  if (!stored) return undefined;
  const expired = stored.expiration !== undefined && Date.parse(stored.expiration) <= now;
  if (expired || stored.idleLockAt <= now) {
    await wipeVault();
    return undefined;
  }
  return stored;
}

/** The record for listing, resyncing or elevating: a record kept only for the check does not count. */
export async function readVaultForWork(now = Date.now()): Promise<VaultRecord | undefined> {
  const record = await readVault(now);
  return record?.checkOnly ? undefined : record;
}

/**
 * How long long-term keys outlive a successful resync, for the check with the next code: enough to
 * wait for a hardware token's next code and type it, short enough that an abandoned popup leaves
 * nothing behind for long. Lock, Done and the check itself end it sooner.
 */
export const CHECK_WINDOW_MS = 3 * 60_000;

/** Keeps the record only for the check: narrowed to it and locked by itself after CHECK_WINDOW_MS. */
export async function keepForCheck(record: VaultRecord, now = Date.now()): Promise<void> {
  await storeInVault({ ...record, checkOnly: true, idleLockAt: Math.min(record.idleLockAt, now + CHECK_WINDOW_MS) });
}

/** Pushes the idle lock back after real use (an API call), not after mere status polling. */
// Callers read the vault, then await other things (the policy read can take ~3 s after a browser
// start): only the same unlock, still fit for work, is touched, so a Lock, a re-unlock or a resync
// that narrowed the keys to the check meanwhile wins. Undefined then: the caller must stop.
export async function touchVault(
  record: VaultRecord,
  idleMinutes: number,
  now = Date.now(),
): Promise<VaultRecord | undefined> {
  const current = (await ext.storage.session.get(VAULT_KEY))[VAULT_KEY] as VaultRecord | undefined;
  const same =
    current !== undefined &&
    current.unlockedAt === record.unlockedAt &&
    current.secret.accessKeyId === record.secret.accessKeyId &&
    current.checkOnly === record.checkOnly;
  if (!same) return undefined;
  const touched = { ...current, idleLockAt: now + idleMinutes * 60_000 };
  await storeInVault(touched);
  return touched;
}

export async function wipeVault(): Promise<void> {
  await ext.storage.session.remove([VAULT_KEY, LISTING_KEY]);
  await Promise.all([ext.alarms.clear(IDLE_ALARM), ext.alarms.clear(EXPIRY_ALARM)]);
}

async function scheduleLockAlarms(record: VaultRecord): Promise<void> {
  ext.alarms.create(IDLE_ALARM, { when: record.idleLockAt });
  if (record.expiration) ext.alarms.create(EXPIRY_ALARM, { when: Date.parse(record.expiration) });
}

/**
 * IAM refuses a GetSessionToken session made without MFA with InvalidClientTokenId, although STS
 * accepted it at unlock. An IAM user's ARN on temporary credentials that were not obtained here
 * with MFA is that case (SSO and role sessions show an assumed-role ARN and work with IAM).
 */
export function mayBeSessionWithoutMfa(record: VaultRecord): boolean {
  return record.kind === 'temporary' && !record.mfaSession && /:user\//.test(record.identity.arn);
}

export function sessionViewOf(record: VaultRecord): SessionView {
  // The `$` only matters for an ARN with a line break, which STS never returns.
  // Stryker disable next-line Regex: equivalent, see above
  const userName = record.identity.arn.match(/:user\/(?:.*\/)?([^/]+)$/)?.[1];
  return {
    arn: record.identity.arn,
    account: record.identity.account,
    ...(userName ? { userName } : {}),
    credentialKind: record.kind,
    ...(record.mfaSession ? { mfaSession: true } : {}),
    ...(record.checkOnly ? { checkOnly: true } : {}),
    partition: record.partition,
    ...(record.expiration ? { expiration: record.expiration } : {}),
    idleLockAt: record.idleLockAt,
  };
}
