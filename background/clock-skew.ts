import { ext } from '../src/shared/browser';

// A drifting *computer* clock is a common reason virtual-MFA codes look wrong, so the skew
// between AWS's clock (the response Date header) and ours is kept for the popup's banner.
const SKEW_KEY = 'clockSkewMs';

export async function recordServerDate(dateHeader: string, now = Date.now()): Promise<void> {
  const serverTime = Date.parse(dateHeader);
  if (Number.isNaN(serverTime)) return;
  await ext.storage.session.set({ [SKEW_KEY]: serverTime - now });
}

export async function readClockSkewMs(): Promise<number | undefined> {
  const value = (await ext.storage.session.get(SKEW_KEY))[SKEW_KEY];
  return typeof value === 'number' ? value : undefined;
}
