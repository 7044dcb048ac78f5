import { ext } from '../src/shared/browser';
import type { DeviceList } from '../src/shared/messages';
import { LISTING_KEY } from './session-keys';
import type { VaultRecord } from './vault';

// The last device list of this unlock, so a reopened popup shows the devices and code fields at
// once instead of after another ListMFADevices round trip (100–300 ms to AWS; people reopen the
// popup after looking up codes elsewhere). The popup still asks IAM again behind it. Device names
// and serials are no secret, but they are this session's data: kept in storage.session, tied to
// the unlock that listed them, and wiped with the vault.

interface StoredListing {
  unlockedAt: number;
  list: DeviceList;
}

export async function rememberListing(record: VaultRecord, list: DeviceList): Promise<void> {
  const stored: StoredListing = { unlockedAt: record.unlockedAt, list };
  await ext.storage.session.set({ [LISTING_KEY]: stored });
}

/** The list made since this unlock (a new unlock starts afresh; a second-device session is the same user). */
export async function readListing(record: VaultRecord): Promise<DeviceList | undefined> {
  const stored = (await ext.storage.session.get(LISTING_KEY))[LISTING_KEY] as StoredListing | undefined;
  return stored?.unlockedAt === record.unlockedAt ? stored.list : undefined;
}
