import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
import type { CheckAvailability, Reply, RequestOf, ResyncOutcome } from '../src/shared/messages';
import { mapAwsError } from '../src/shared/map-aws-error';
import type { EffectiveSettings } from '../src/shared/effective-settings';
import { validateCode } from '../src/shared/resync-validation';
import { stsClient } from './aws-clients';
import { findAttempt, recordOutcome } from './resync-attempts';
import { endpointChoice, readSettings } from './settings-store';
import { readVault, sessionViewOf, wipeVault, type VaultRecord } from './vault';

/** The shortest session STS issues; it is thrown away unused anyway. */
const DISCARDED_SESSION_SECONDS = 900;

/**
 * Whether the device just resynced can be checked with its next code. GetSessionToken takes an MFA
 * code only when called with an IAM user's own long-term keys, and only for that user's device:
 * STS refuses session credentials (SSO, roles, MFA sessions) outright, and an admin's keys cannot
 * prove a colleague's device.
 */
export function checkAvailability(
  settings: Pick<EffectiveSettings, 'verifyAfterResyncEnabled'>,
  record: VaultRecord,
  deviceUserName: string,
): CheckAvailability {
  if (!settings.verifyAfterResyncEnabled) return 'off';
  if (record.kind !== 'long-term') return 'temporary-credentials';
  if (sessionViewOf(record).userName !== deviceUserName) return 'other-user';
  return 'available';
}

/**
 * "Check with the next code": GetSessionToken with the resynced device's serial and its next code,
 * sent once (maxAttempts 1: the code is single-use). STS answering with credentials proves the code
 * was accepted; the credentials themselves are never read, kept, logged or passed on.
 */
export async function verifyDevice(request: RequestOf<'resync/verify'>): Promise<Reply<ResyncOutcome>> {
  const attempt = await findAttempt(request.attemptId);
  if (!attempt || attempt.status !== 'succeeded' || attempt.check !== 'available') {
    return { ok: false, error: { code: 'CheckUnavailable' } };
  }
  if (attempt.verifiedAt !== undefined) return { ok: true, value: attempt };
  const codeProblem = validateCode(request.tokenCode);
  if (codeProblem)
    return { ok: false, error: { code: 'ValidationError', fields: [{ field: 'tokenCode', problem: codeProblem }] } };

  const [record, settings] = await Promise.all([readVault(), readSettings()]);
  if (!record) return { ok: false, error: { code: 'Locked' } };
  // The policy may have turned the check off, or new credentials replaced the ones that resynced.
  if (checkAvailability(settings, record, attempt.userName) !== 'available') {
    return { ok: false, error: { code: 'CheckUnavailable' } };
  }
  try {
    const client = stsClient(record.secret, endpointChoice(settings, record.partition), { retries: false });
    // The answer holds a fresh session: deliberately not bound to anything, so it is dropped here.
    await client.send(
      new GetSessionTokenCommand({
        SerialNumber: attempt.serialNumber,
        TokenCode: request.tokenCode.replace(/\s/g, ''),
        DurationSeconds: DISCARDED_SESSION_SECONDS,
      }),
    );
  } catch (error) {
    // The keys stay for another try with a later code, until the check window closes.
    return {
      ok: false,
      error: mapAwsError(error, { action: 'GetSessionToken', operation: 'check', credentialKind: record.kind }),
    };
  }
  const verified: ResyncOutcome = { ...attempt, verifiedAt: Date.now() };
  await recordOutcome(verified);
  // The keys were kept only for this check.
  if (record.checkOnly) await wipeVault();
  return { ok: true, value: verified };
}
