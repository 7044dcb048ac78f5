import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { ErrorView, RequestOf, Reply, SessionView } from '../src/shared/messages';
import { mapAwsError } from '../src/shared/map-aws-error';
import { isPartition } from '../src/shared/partitions';
import { isAccountAllowed, sessionEndsAt } from '../src/shared/effective-settings';
import { partitionFromArn } from '../src/shared/serial-kind';
import { stsClient } from './aws-clients';
import { parseCredentialPaste, type ParseFailure } from './credentials/parse-credential-paste';
import { endpointChoice, readSettings } from './settings-store';
import { sessionViewOf, storeInVault, wipeVault, type AwsSecret } from './vault';

function pasteError(failure: ParseFailure): ErrorView {
  // Copy field by field: a failure object must never carry a value from the paste.
  const view: ErrorView = { code: 'InvalidPaste', problem: failure.code };
  if ('format' in failure) view.format = failure.format;
  if ('missing' in failure) view.missing = [...failure.missing];
  if ('profiles' in failure) view.profiles = [...failure.profiles];
  return view;
}

/** Parse what the user pasted, prove it works with GetCallerIdentity, then keep it in the vault. */
export async function unlockVault(request: RequestOf<'vault/unlock'>): Promise<Reply<SessionView>> {
  const parsed = parseCredentialPaste(request.paste, request.profile ? { profile: request.profile } : {});
  if (!parsed.ok) return { ok: false, error: pasteError(parsed.error) };
  const { credentials } = parsed;
  const settings = await readSettings();
  if (credentials.kind === 'long-term' && !settings.allowLongTermKeys) {
    return { ok: false, error: { code: 'LongTermKeysNotAllowed' } };
  }
  const secret: AwsSecret = {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
  };
  // A new unlock replaces whatever was there, even if this one fails.
  await wipeVault();
  try {
    const identity = await stsClient(secret, endpointChoice(settings), { retries: true }).send(
      new GetCallerIdentityCommand({}),
    );
    if (!identity.Arn || !identity.Account || !identity.UserId) {
      return { ok: false, error: { code: 'Unknown', detail: 'GetCallerIdentity returned no identity' } };
    }
    if (!isAccountAllowed(settings, identity.Account)) {
      // Enterprise policy allows other accounts only. Nothing was stored; wipe again anyway so no
      // path can leave these credentials behind. The account id helps the user see what they pasted.
      await wipeVault();
      return { ok: false, error: { code: 'AccountNotAllowed', detail: identity.Account } };
    }
    const arnPartition = partitionFromArn(identity.Arn);
    const now = Date.now();
    // The policy's maximum session length ends the session early, like an expiring credential.
    const expiration = sessionEndsAt(settings, now, credentials.expiration);
    const record = {
      secret,
      kind: credentials.kind,
      ...(expiration ? { expiration } : {}),
      identity: { arn: identity.Arn, account: identity.Account, userId: identity.UserId },
      partition: arnPartition && isPartition(arnPartition) ? arnPartition : settings.partition,
      unlockedAt: now,
      idleLockAt: now + settings.idleLockMinutes * 60_000,
    };
    await storeInVault(record);
    return { ok: true, value: sessionViewOf(record) };
  } catch (error) {
    return { ok: false, error: mapAwsError(error, { action: 'GetCallerIdentity', credentialKind: credentials.kind }) };
  }
}
