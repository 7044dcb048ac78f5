import { SANDBOX_SEED, type SeedUser } from '../sandbox/seed';

export function seedUser(userName: string): SeedUser {
  const user = SANDBOX_SEED.users.find((u) => u.userName === userName);
  if (!user) throw new Error(`no seeded user ${userName}`);
  return user;
}

/** What a user pastes from their terminal: the bash `export` form of their long-term keys. */
export function bashExportPaste(user: SeedUser): string {
  return [
    `export AWS_ACCESS_KEY_ID=${user.accessKeyId}`,
    `export AWS_SECRET_ACCESS_KEY="${user.secretAccessKey}"`,
  ].join('\n');
}

export function virtualDeviceOf(user: SeedUser): string {
  const device = user.devices.find((d) => d.kind === 'virtual' && d.drift !== 0) ?? user.devices[0];
  if (!device) throw new Error(`${user.userName} has no device`);
  return device.serial;
}
