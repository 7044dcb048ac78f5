// The deterministic world the sandbox starts with (and returns to on /__sandbox/reset). Exported so
// tests and the demo can print keys and compute codes. Every secret here is fake and says so.
import { Secret } from 'otpauth';

export const SANDBOX_ACCOUNT_ID = '123456789012';

export type DeviceKind = 'virtual' | 'hardware' | 'fido';

export interface SeedDevice {
  serial: string;
  kind: DeviceKind;
  /** Steps the device's clock is ahead (+) or behind (−) the real time; |drift| > 1 is out of sync. */
  drift: number;
  /** Base32 TOTP secret; FIDO keys have none. */
  base32Secret: string | null;
  enableDate: string;
}

export interface SeedUser {
  userName: string;
  userId: string;
  /** Admins may list and resync any user's devices; everyone else only their own. */
  admin: boolean;
  createDate: string;
  accessKeyId: string;
  secretAccessKey: string;
  devices: SeedDevice[];
}

/**
 * The account's root user: long-term keys but no IAM user name, so GetCallerIdentity answers
 * `arn:aws:iam::ACCOUNT:root` and IAM cannot resync its MFA (the sign-in page does that).
 */
export interface SeedRootUser {
  userId: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface SeedTemporaryCredential {
  label: string;
  userName: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Relative to the sandbox clock when the seed is loaded; negative = already expired. */
  expiresInSeconds: number;
  /** As if issued by GetSessionToken with MFA (or SSO/AssumeRole): IAM accepts these. */
  mfaAuthenticated: boolean;
}

/** 40 characters, shaped like a secret access key, unmistakably fake. */
function fakeSecret(owner: string): string {
  return `SANDBOX/${owner}/not+a+real+secret/`.padEnd(40, '0').slice(0, 40);
}

/** The TOTP secret is derived from the serial so it is stable across runs and differs per device. */
function totpSecret(serial: string): string {
  return Secret.fromUTF8(`mfa-resync-sandbox:${serial}`).base32;
}

function device(serial: string, kind: DeviceKind, drift: number, enableDate: string): SeedDevice {
  return { serial, kind, drift, base32Secret: kind === 'fido' ? null : totpSecret(serial), enableDate };
}

const mfaArn = (name: string): string => `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:mfa/${name}`;

export const SANDBOX_SEED = {
  accountId: SANDBOX_ACCOUNT_ID,
  users: [
    {
      userName: 'alice',
      userId: 'AIDASANDBOXALICE00001',
      admin: false,
      createDate: '2024-01-15T09:00:00Z',
      accessKeyId: 'AKIASANDBOXALICE0001',
      secretAccessKey: fakeSecret('alice'),
      devices: [
        device(mfaArn('alice-phone'), 'virtual', 5, '2024-03-01T10:00:00Z'),
        device(`arn:aws:iam::${SANDBOX_ACCOUNT_ID}:u2f/user/alice/yubikey-EXAMPLE1`, 'fido', 0, '2024-03-02T10:00:00Z'),
      ],
    },
    {
      userName: 'bob',
      userId: 'AIDASANDBOXBOB0000002',
      admin: false,
      createDate: '2024-01-16T09:00:00Z',
      accessKeyId: 'AKIASANDBOXBOB000002',
      secretAccessKey: fakeSecret('bob'),
      devices: [
        device(mfaArn('bob-phone'), 'virtual', 0, '2024-03-03T10:00:00Z'),
        device(mfaArn('bob-tablet'), 'virtual', -7, '2024-03-04T10:00:00Z'),
      ],
    },
    {
      userName: 'carol-admin',
      userId: 'AIDASANDBOXCAROL00003',
      admin: true,
      createDate: '2024-01-17T09:00:00Z',
      accessKeyId: 'AKIASANDBOXCAROL0003',
      secretAccessKey: fakeSecret('carol-admin'),
      devices: [device(mfaArn('carol-phone'), 'virtual', 0, '2024-03-05T10:00:00Z')],
    },
    {
      userName: 'dave',
      userId: 'AIDASANDBOXDAVE000004',
      admin: false,
      createDate: '2024-01-18T09:00:00Z',
      accessKeyId: 'AKIASANDBOXDAVE00004',
      secretAccessKey: fakeSecret('dave'),
      devices: [device('GAHT12345678', 'hardware', 12, '2024-03-06T10:00:00Z')],
    },
  ] satisfies SeedUser[],
  // Real root access keys are discouraged but exist; people paste them when root's MFA drifts.
  root: {
    userId: SANDBOX_ACCOUNT_ID,
    accessKeyId: 'AKIASANDBOXROOT00007',
    secretAccessKey: fakeSecret('root'),
  } satisfies SeedRootUser,
  temporaryCredentials: [
    {
      label: 'carol-admin session (valid 1 h)',
      userName: 'carol-admin',
      accessKeyId: 'ASIASANDBOXCAROL0005',
      secretAccessKey: fakeSecret('carol-admin-session'),
      sessionToken: 'SANDBOX-SESSION-TOKEN/carol-admin/valid/not+a+real+token==',
      expiresInSeconds: 3600,
      mfaAuthenticated: true,
    },
    {
      label: 'carol-admin session (expired 1 h ago)',
      userName: 'carol-admin',
      accessKeyId: 'ASIASANDBOXEXPIRED06',
      secretAccessKey: fakeSecret('carol-admin-expired'),
      sessionToken: 'SANDBOX-SESSION-TOKEN/carol-admin/expired/not+a+real+token==',
      expiresInSeconds: -3600,
      mfaAuthenticated: true,
    },
  ] satisfies SeedTemporaryCredential[],
};

export type SandboxSeed = typeof SANDBOX_SEED;

export interface SandboxKeyPair {
  accessKeyId: string;
  secretAccessKey: string;
}

/** Long-term key pair of a seeded user, shaped for the SDK's `credentials` option. */
export function seededKeysOf(userName: string): SandboxKeyPair {
  const user = SANDBOX_SEED.users.find((u) => u.userName === userName);
  if (!user) throw new Error(`no seeded user ${userName}`);
  return { accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey };
}

/** Seeded temporary credentials by access key id, shaped for the SDK's `credentials` option. */
export function seededSessionOf(accessKeyId: string): SandboxKeyPair & { sessionToken: string } {
  const cred = SANDBOX_SEED.temporaryCredentials.find((c) => c.accessKeyId === accessKeyId);
  if (!cred) throw new Error(`no seeded temporary credential ${accessKeyId}`);
  return { accessKeyId: cred.accessKeyId, secretAccessKey: cred.secretAccessKey, sessionToken: cred.sessionToken };
}

/** The root user's long-term key pair. */
export function seededRootKeys(): SandboxKeyPair {
  const { accessKeyId, secretAccessKey } = SANDBOX_SEED.root;
  return { accessKeyId, secretAccessKey };
}
