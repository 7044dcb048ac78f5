import { GetSessionTokenCommand } from '@aws-sdk/client-sts';
import type { RequestOf, Reply, SessionView } from '../src/shared/messages';
import { mapAwsError } from '../src/shared/map-aws-error';
import { sessionEndsAt } from '../src/shared/effective-settings';
import { validateCode, validateSerialNumber } from '../src/shared/resync-validation';
import { stsClient } from './aws-clients';
import { endpointChoice, readSettings } from './settings-store';
import { readVaultForWork, sessionViewOf, storeInVault } from './vault';

/** Long enough for a resync or two; the vault's idle lock still applies on top. */
const SESSION_SECONDS = 900;

/**
 * The second-device path: GetSessionToken with a device that still works turns long-term keys into
 * an MFA session. The long-term keys are dropped from the vault right away; only the session stays.
 */
export async function elevateSession(request: RequestOf<'vault/elevate'>): Promise<Reply<SessionView>> {
  const record = await readVaultForWork();
  if (!record) return { ok: false, error: { code: 'Locked' } };
  // STS only issues GetSessionToken sessions to an IAM user's long-term keys.
  if (record.kind !== 'long-term') return { ok: false, error: { code: 'ElevateNeedsLongTermKeys' } };
  const serialProblem = validateSerialNumber(request.serialNumber);
  const codeProblem = validateCode(request.tokenCode);
  if (serialProblem || codeProblem) {
    const fields = [
      ...(serialProblem ? [{ field: 'serialNumber', problem: serialProblem }] : []),
      ...(codeProblem ? [{ field: 'tokenCode', problem: codeProblem }] : []),
    ];
    return { ok: false, error: { code: 'ValidationError', fields } };
  }
  const settings = await readSettings();
  try {
    // Not retried: the token code is single-use like the resync codes.
    const client = stsClient(record.secret, endpointChoice(settings, record.partition), { retries: false });
    const result = await client.send(
      new GetSessionTokenCommand({
        SerialNumber: request.serialNumber,
        TokenCode: request.tokenCode.replace(/\s/g, ''),
        DurationSeconds: SESSION_SECONDS,
      }),
    );
    const session = result.Credentials;
    if (!session?.AccessKeyId || !session.SecretAccessKey || !session.SessionToken) {
      return { ok: false, error: { code: 'Unknown', detail: 'GetSessionToken returned no credentials' } };
    }
    // The MFA session may not outlive the policy's cap on the original unlock.
    const expiration = sessionEndsAt(settings, record.unlockedAt, session.Expiration?.toISOString());
    const elevated = {
      ...record,
      secret: {
        accessKeyId: session.AccessKeyId,
        secretAccessKey: session.SecretAccessKey,
        sessionToken: session.SessionToken,
      },
      kind: 'temporary' as const,
      mfaSession: true,
      ...(expiration ? { expiration } : {}),
      idleLockAt: Date.now() + settings.idleLockMinutes * 60_000,
    };
    await storeInVault(elevated);
    return { ok: true, value: sessionViewOf(elevated) };
  } catch (error) {
    return { ok: false, error: mapAwsError(error, { action: 'GetSessionToken', credentialKind: record.kind }) };
  }
}
