import { ResyncMFADeviceCommand } from '@aws-sdk/client-iam';
import type { CheckAvailability, RequestOf, ResyncOutcome } from '../src/shared/messages';
import { mapAwsError } from '../src/shared/map-aws-error';
import { endpointRefusal } from '../src/shared/partitions';
import { validateResyncInput } from '../src/shared/resync-validation';
import { iamClient } from './aws-clients';
import { notifyIfNoPopup } from './popup-presence';
import { claimPair, codePairFingerprint, findAttempt, recordOutcome } from './resync-attempts';
import { endpointChoice, readSettings } from './settings-store';
import { checkAvailability } from './verify-device';
import { keepForCheck, mayBeSessionWithoutMfa, readVaultForWork, touchVault, wipeVault } from './vault';

/**
 * Sends ResyncMFADevice once. Never retried, by the SDK (maxAttempts 1) or by us: the two codes are
 * single-use. The outcome is recorded so a closed popup or a restarted worker can still show it.
 */
export async function resyncDevice(request: RequestOf<'resync/start'>): Promise<ResyncOutcome> {
  // Three independent storage reads, each a round trip to the browser: started together, they cost
  // about one. A known attempt still answers without waiting for the policy (slow after a browser
  // start); the other two are then left to finish unheard.
  const vaultRead = readVaultForWork();
  const settingsRead = readSettings();
  vaultRead.catch(() => undefined);
  settingsRead.catch(() => undefined);
  const known = await findAttempt(request.attemptId);
  if (known) return known;

  const startedAt = Date.now();
  const base = { attemptId: request.attemptId, startedAt };
  const failed = (error: ResyncOutcome['error']): ResyncOutcome => ({
    ...base,
    userName: request.userName,
    serialNumber: request.serialNumber,
    status: 'failed',
    finishedAt: Date.now(),
    ...(error ? { error } : {}),
  });

  const checked = validateResyncInput(request);
  if (!checked.ok) return failed({ code: 'ValidationError', fields: checked.problems.map((p) => ({ ...p })) });
  const input = checked.value;

  const record = await vaultRead;
  if (!record) return failed({ code: 'Locked' });
  const settings = await settingsRead;
  // The fingerprint (WebCrypto) is worked out while the vault is touched (storage).
  const [touched, fingerprint] = await Promise.all([
    touchVault(record, settings.idleLockMinutes),
    codePairFingerprint(input.serialNumber, input.code1, input.code2),
  ]);
  if (!touched) return failed({ code: 'Locked' });

  // Refused before the pair is claimed: nothing is sent, and the same codes work after the fix.
  const choice = endpointChoice(settings, record.partition);
  if (endpointRefusal(choice)) return failed({ code: 'EndpointUnsupported' });

  const pending: ResyncOutcome = {
    ...base,
    userName: input.userName,
    serialNumber: input.serialNumber,
    status: 'pending',
  };
  // The pair is claimed and the attempt recorded in one write, before anything is sent.
  if (!(await claimPair(fingerprint, pending))) return failed({ code: 'CodesAlreadyUsed' });

  let outcome: ResyncOutcome;
  try {
    const client = iamClient(record.secret, choice, { retries: false });
    await client.send(
      new ResyncMFADeviceCommand({
        UserName: input.userName,
        SerialNumber: input.serialNumber,
        AuthenticationCode1: input.code1,
        AuthenticationCode2: input.code2,
      }),
    );
    const check: CheckAvailability = checkAvailability(settings, record, input.userName);
    outcome = { ...pending, status: 'succeeded', finishedAt: Date.now(), check };
  } catch (error) {
    const mapped = mapAwsError(error, {
      action: 'ResyncMFADevice',
      credentialKind: record.kind,
      sessionFromGetSessionTokenWithoutMfa: mayBeSessionWithoutMfa(record),
    });
    outcome = { ...pending, status: 'failed', finishedAt: Date.now(), error: mapped };
  }
  await recordOutcome(outcome);
  await notifyIfNoPopup(outcome).catch(() => undefined);
  // Long-term keys outlive a success only for the check with the next code, narrowed to it and for
  // minutes; temporary ones only when the user asked to keep them. Credentials AWS called expired
  // are of no further use: the popup goes back to the paste box.
  if (outcome.status === 'succeeded' && outcome.check === 'available') await keepForCheck(record);
  else {
    const wipe =
      (outcome.status === 'succeeded' && (!request.keepSession || record.kind === 'long-term')) ||
      outcome.error?.code === 'ExpiredToken';
    if (wipe) await wipeVault();
  }
  return outcome;
}
