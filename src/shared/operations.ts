// The steps an AWS call can fail on; the error catalog picks the next step by it. Its own module
// so the message schemas can name it without pulling the catalog into the background bundle.

/** unlock (STS GetCallerIdentity), list (IAM ListMFADevices), resync, check (STS GetSessionToken
 * with the resynced device's next code), elevate (a session from a second MFA device, also
 * GetSessionToken). */
export const OPERATIONS = ['unlock', 'list', 'resync', 'check', 'elevate'] as const;
export type Operation = (typeof OPERATIONS)[number];
