// The mutable world behind the endpoints: users, keys, sessions, MFA devices and the call log.
// Built fresh from the seed at start and on reset, so tests never see each other's changes.
import { SANDBOX_SEED, type DeviceKind, type SandboxSeed } from './seed';

export interface SandboxUser {
  userName: string;
  userId: string;
  arn: string;
  admin: boolean;
  createDate: string;
}

export interface LongTermKey {
  accessKeyId: string;
  secretAccessKey: string;
  userName: string;
  /** The root user's key: it resolves to SandboxState.root, not to an IAM user. */
  root?: true;
}

export interface SessionCredential {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  userName: string;
  expiresAtMs: number;
  mfaAuthenticated: boolean;
}

export interface MfaDevice {
  serial: string;
  userName: string;
  kind: DeviceKind;
  enableDate: string;
  base32Secret: string | null;
  /** Where the device's clock is, in 30 s steps relative to real time (what the phone shows). */
  drift: number;
  /** Where the server believes the device is (changed only by a successful resync). */
  offset: number;
  resyncCount: number;
  /**
   * The device step of the newest code a resync (its second code) or STS GetSessionToken accepted,
   * null before any: that code and older ones are spent (README, "Deliberate choices").
   */
  lastUsedStep: number | null;
}

export interface CallRecord {
  seq: number;
  at: string;
  requestId: string;
  service: string;
  action: string | null;
  caller: string | null;
  accessKeyId: string | null;
  params: Record<string, string>;
  status: number;
  code: string | null;
  /** For rejected signatures: what the server signed, to diff against the client's debug log. */
  canonicalRequest?: string;
}

export interface SandboxState {
  accountId: string;
  users: Map<string, SandboxUser>;
  /** The account's root user; not in `users`, since it has no IAM user name. */
  root: SandboxUser;
  longTermKeys: Map<string, LongTermKey>;
  sessions: Map<string, SessionCredential>;
  devices: Map<string, MfaDevice>;
  calls: CallRecord[];
}

export function userArn(accountId: string, userName: string): string {
  return `arn:aws:iam::${accountId}:user/${userName}`;
}

export function createSandboxState(nowMs: number, seed: SandboxSeed = SANDBOX_SEED): SandboxState {
  const state: SandboxState = {
    accountId: seed.accountId,
    users: new Map(),
    // No user name: IAM calls that default to the caller find no user, as none can name root.
    root: {
      userName: '',
      userId: seed.root.userId,
      arn: `arn:aws:iam::${seed.accountId}:root`,
      admin: true,
      createDate: '2024-01-01T00:00:00Z',
    },
    longTermKeys: new Map(),
    sessions: new Map(),
    devices: new Map(),
    calls: [],
  };
  for (const u of seed.users) {
    state.users.set(u.userName, {
      userName: u.userName,
      userId: u.userId,
      arn: userArn(seed.accountId, u.userName),
      admin: u.admin,
      createDate: u.createDate,
    });
    state.longTermKeys.set(u.accessKeyId, {
      accessKeyId: u.accessKeyId,
      secretAccessKey: u.secretAccessKey,
      userName: u.userName,
    });
    for (const d of u.devices) {
      state.devices.set(d.serial, { ...d, userName: u.userName, offset: 0, resyncCount: 0, lastUsedStep: null });
    }
  }
  state.longTermKeys.set(seed.root.accessKeyId, {
    accessKeyId: seed.root.accessKeyId,
    secretAccessKey: seed.root.secretAccessKey,
    userName: '',
    root: true,
  });
  for (const c of seed.temporaryCredentials) {
    state.sessions.set(c.accessKeyId, {
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      sessionToken: c.sessionToken,
      userName: c.userName,
      expiresAtMs: nowMs + c.expiresInSeconds * 1000,
      mfaAuthenticated: c.mfaAuthenticated,
    });
  }
  return state;
}

export function devicesOf(state: SandboxState, userName: string): MfaDevice[] {
  return [...state.devices.values()].filter((d) => d.userName === userName);
}
