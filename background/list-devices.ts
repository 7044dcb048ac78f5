import { ListMFADevicesCommand } from '@aws-sdk/client-iam';
import type { DeviceList, RequestOf, Reply } from '../src/shared/messages';
import { mapAwsError } from '../src/shared/map-aws-error';
import { classifySerial } from '../src/shared/serial-kind';
import { iamClient } from './aws-clients';
import { rememberListing } from './device-listing';
import { endpointChoice, readSettings } from './settings-store';
import { mayBeSessionWithoutMfa, readVaultForWork, sessionViewOf, touchVault } from './vault';

/** The MFA devices of the caller, or of the user an admin typed. */
export async function listDevices(request: RequestOf<'devices/list'>): Promise<Reply<DeviceList>> {
  const record = await readVaultForWork();
  if (!record) return { ok: false, error: { code: 'Locked' } };
  const settings = await readSettings();
  if (!(await touchVault(record, settings.idleLockMinutes))) return { ok: false, error: { code: 'Locked' } };
  const userName = request.userName?.trim() || sessionViewOf(record).userName;
  if (!userName) return { ok: false, error: { code: 'UserNameRequired' } };
  try {
    const client = iamClient(record.secret, endpointChoice(settings, record.partition), { retries: true });
    const result = await client.send(new ListMFADevicesCommand({ UserName: userName }));
    const devices = (result.MFADevices ?? []).flatMap((device) =>
      device.SerialNumber
        ? [
            {
              serialNumber: device.SerialNumber,
              userName: device.UserName ?? userName,
              ...(device.EnableDate ? { enableDate: device.EnableDate.toISOString() } : {}),
              kind: classifySerial(device.SerialNumber),
            },
          ]
        : [],
    );
    const list = { userName, devices };
    await rememberListing(record, list);
    return { ok: true, value: list };
  } catch (error) {
    return {
      ok: false,
      error: mapAwsError(error, {
        action: 'ListMFADevices',
        credentialKind: record.kind,
        sessionFromGetSessionTokenWithoutMfa: mayBeSessionWithoutMfa(record),
      }),
    };
  }
}
