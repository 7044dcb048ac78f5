import * as v from 'valibot';
import { OPERATIONS } from './operations.ts';

// The single list of messages between extension contexts. Every message is parsed with these
// schemas on arrival (background) and every response on return (popup): a malformed or unknown
// message is rejected, never half-handled.

const CODE = v.pipe(v.string(), v.maxLength(32));
const NAME = v.pipe(v.string(), v.maxLength(512));

export const UnlockRequest = v.strictObject({
  type: v.literal('vault/unlock'),
  // Pastes are small; a cap stops a runaway paste from reaching the parser.
  paste: v.pipe(v.string(), v.maxLength(20_000)),
  profile: v.optional(NAME),
});
export const StatusRequest = v.strictObject({ type: v.literal('vault/status') });
export const LockRequest = v.strictObject({ type: v.literal('vault/lock') });
export const ListDevicesRequest = v.strictObject({
  type: v.literal('devices/list'),
  userName: v.optional(NAME),
});
export const ResyncRequest = v.strictObject({
  type: v.literal('resync/start'),
  attemptId: v.pipe(v.string(), v.uuid()),
  userName: NAME,
  serialNumber: NAME,
  code1: CODE,
  code2: CODE,
  /** Keep the credentials after a success, for a next resync (default: wipe them). */
  keepSession: v.optional(v.boolean()),
});
/** Second-device path: trade the pasted keys for an MFA session using a device that still works. */
export const ElevateRequest = v.strictObject({
  type: v.literal('vault/elevate'),
  serialNumber: NAME,
  tokenCode: CODE,
});
export const LastOutcomeRequest = v.strictObject({ type: v.literal('resync/last-outcome') });
/**
 * "Check with the next code" after a successful resync: STS GetSessionToken with the device's next
 * code. It names the attempt, not a device: the background checks only the device that attempt
 * resynced, with the credentials that resynced it.
 */
export const VerifyRequest = v.strictObject({
  type: v.literal('resync/verify'),
  attemptId: v.pipe(v.string(), v.uuid()),
  tokenCode: CODE,
});

/** Messages only the extension's own pages (popup, options) may send. */
export const ExtensionPageRequest = v.variant('type', [
  UnlockRequest,
  ElevateRequest,
  StatusRequest,
  LockRequest,
  ListDevicesRequest,
  ResyncRequest,
  LastOutcomeRequest,
  VerifyRequest,
]);
export type ExtensionPageRequest = v.InferOutput<typeof ExtensionPageRequest>;
export type RequestOf<T extends ExtensionPageRequest['type']> = Extract<ExtensionPageRequest, { type: T }>;

export const CredentialKind = v.picklist(['temporary', 'long-term']);

/** What the popup may know about the unlocked credentials: identity and expiry, never a secret. */
export const SessionView = v.strictObject({
  arn: v.string(),
  account: v.string(),
  userName: v.optional(v.string()),
  credentialKind: CredentialKind,
  /** True for a session obtained here with a second MFA device (GetSessionToken with MFA). */
  mfaSession: v.optional(v.boolean()),
  /** Kept after a success only to check the resynced device with its next code (see VaultRecord). */
  checkOnly: v.optional(v.boolean()),
  partition: v.string(),
  expiration: v.optional(v.string()),
  idleLockAt: v.number(),
});
export type SessionView = v.InferOutput<typeof SessionView>;

export const DeviceView = v.strictObject({
  serialNumber: v.string(),
  userName: v.string(),
  enableDate: v.optional(v.string()),
  kind: v.picklist(['virtual', 'hardware', 'fido']),
});
export type DeviceView = v.InferOutput<typeof DeviceView>;

export const DeviceList = v.strictObject({ userName: v.string(), devices: v.array(DeviceView) });
export type DeviceList = v.InferOutput<typeof DeviceList>;

/** A failure as the UI shows it: a catalog code plus AWS's own code and request id for support. */
export const ErrorView = v.strictObject({
  code: v.string(),
  awsCode: v.optional(v.string()),
  httpStatus: v.optional(v.number()),
  requestId: v.optional(v.string()),
  detail: v.optional(v.string()),
  /** The step that failed (error-catalog.ts OPERATIONS); picks the next-step message. */
  operation: v.optional(v.picklist(OPERATIONS)),
  /** Sub-kind of a local failure, e.g. the credential-paste problem ('missing-fields'). */
  problem: v.optional(v.string()),
  // Parse failures carry which format was recognized and what is missing (never a value).
  format: v.optional(v.string()),
  missing: v.optional(v.array(v.string())),
  profiles: v.optional(v.array(v.string())),
  fields: v.optional(v.array(v.strictObject({ field: v.string(), problem: v.string() }))),
});
export type ErrorView = v.InferOutput<typeof ErrorView>;

/**
 * Whether the device can be checked with its next code after a success, and if not, why:
 * STS GetSessionToken takes an MFA code only from an IAM user's own long-term keys, for that user's
 * own device; the organization may also turn the check off.
 */
export const CheckAvailability = v.picklist(['available', 'temporary-credentials', 'other-user', 'off']);
export type CheckAvailability = v.InferOutput<typeof CheckAvailability>;

export const ResyncOutcome = v.strictObject({
  attemptId: v.string(),
  // 'unknown': sent, but the worker stopped before IAM's answer arrived; never re-sent.
  status: v.picklist(['pending', 'succeeded', 'failed', 'unknown']),
  userName: v.string(),
  serialNumber: v.string(),
  startedAt: v.number(),
  finishedAt: v.optional(v.number()),
  error: v.optional(ErrorView),
  /** Set on a success only. */
  check: v.optional(CheckAvailability),
  /** When STS accepted the device's next code (the check); absent: not checked. */
  verifiedAt: v.optional(v.number()),
});
export type ResyncOutcome = v.InferOutput<typeof ResyncOutcome>;

export const StatusView = v.strictObject({
  session: v.optional(SessionView),
  lastOutcome: v.optional(ResyncOutcome),
  /** Server clock minus local clock, from the last AWS response's Date header. */
  clockSkewMs: v.optional(v.number()),
  /** Enterprise policy may hide "Copy as AWS CLI" (absent: not known yet, so hidden). */
  copyAsCliEnabled: v.optional(v.boolean()),
  /** The effective FIPS / dual-stack / override (settings, never secret): "Copy as AWS CLI" targets the same host. */
  endpoints: v.optional(
    v.strictObject({
      fips: v.boolean(),
      dualStack: v.boolean(),
      override: v.optional(v.pipe(v.string(), v.maxLength(2048))),
    }),
  ),
  /**
   * The policy has not answered yet (the first read after a browser start takes seconds): the
   * policy-derived fields are absent and the popup asks again shortly. Actions always wait for it.
   */
  policyPending: v.optional(v.boolean()),
  /** Enterprise policy: the helpdesk to show with every failure and the root-user guidance. */
  helpdeskUrl: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  helpdeskText: v.optional(v.pipe(v.string(), v.maxLength(500))),
  /** Enterprise policy: "Ask an admin" goes through this ticket form only (src/shared/ticket-template.ts). */
  ticketUrlTemplate: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  /** Enterprise policy may hide "Ask an admin" (absent: not known yet, so hidden). */
  askAdminEnabled: v.optional(v.boolean()),
  /** Settings the organization decides (src/shared/policy.ts ManagedSetting), to mark them managed. */
  managedSettings: v.optional(v.array(v.string())),
  /** The devices last listed since this unlock (background/device-listing.ts): shown at once on reopen. */
  devices: v.optional(DeviceList),
  /** Set when the sign-in page's prompt opened the flow (see Prefill below). */
  prefill: v.optional(v.lazy(() => Prefill)),
});
export type StatusView = v.InferOutput<typeof StatusView>;

/** The value each request answers with, so both ends agree on one schema. */
export const RESPONSE_VALUE = {
  'vault/unlock': SessionView,
  'vault/elevate': SessionView,
  'vault/status': StatusView,
  'vault/lock': StatusView,
  'devices/list': DeviceList,
  'resync/start': ResyncOutcome,
  'resync/last-outcome': StatusView,
  'resync/verify': ResyncOutcome,
} as const;
export type ResponseValue<T extends ExtensionPageRequest['type']> = v.InferOutput<(typeof RESPONSE_VALUE)[T]>;

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorView };

export function replySchema<T extends ExtensionPageRequest['type']>(type: T) {
  return v.variant('ok', [
    v.strictObject({ ok: v.literal(true), value: RESPONSE_VALUE[type] }),
    v.strictObject({ ok: v.literal(false), error: ErrorView }),
  ]);
}

// ---- Content script → background. A content script lives in a web page, so it may only report
// what it saw and ask for the resync UI: never credentials, never a resync. Hints are what the
// sign-in page itself shows (account id/alias, user name, partition, device); nothing typed into
// the page is ever sent.
const HINT = v.pipe(v.string(), v.maxLength(256));
export const SignInHints = v.strictObject({
  account: v.optional(HINT),
  userName: v.optional(HINT),
  partition: v.optional(v.picklist(['aws', 'aws-us-gov', 'aws-cn'])),
  serialNumber: v.optional(HINT),
  isRoot: v.boolean(),
});
export type SignInHints = v.InferOutput<typeof SignInHints>;

export const MfaFailureSeen = v.strictObject({
  type: v.literal('content/mfa-failure-seen'),
  consecutive: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
  hints: SignInHints,
});
export const OpenResyncRequest = v.strictObject({
  type: v.literal('content/open-resync'),
  hints: SignInHints,
});
/** The sign-in prompt's "Ask an admin": opens the popup's request form with what the page shows. */
export const AskAdminRequest = v.strictObject({
  type: v.literal('content/ask-admin'),
  hints: SignInHints,
});
// ---- Content script → background: the sign-in tab's state (issue 15). A rejection can be
// reported by a new page load, so "this tab just submitted a code" and "rejections so far" live in
// the background, per tab (background/signin-tab-state.ts). Neither message carries anything from
// the page: the tab comes from the sender, and the code itself is never sent.
/** A code was just submitted from this tab (sent at once: a form post may unload the page). */
export const MfaCodeSubmitted = v.strictObject({ type: v.literal('content/mfa-code-submitted') });
/** This newly loaded page shows the MFA step with an error: is it the answer to this tab's submit? */
export const MfaErrorAtLoad = v.strictObject({ type: v.literal('content/mfa-error-at-load') });
const SIGN_IN_TAB_REQUESTS = [MfaCodeSubmitted, MfaErrorAtLoad] as const;
/** The background's answer to `content/mfa-failure-seen` and `content/mfa-error-at-load`. */
export interface TabRejections {
  /** False: the error is not this tab's answer (no submit from this tab just before). */
  counted: boolean;
  /** Rejections in a row in this tab, across page loads. */
  rejections: number;
  /**
   * Offer "Ask an admin" on the prompt: the policy allows it and the extension holds no
   * credentials. One boolean, never what the credentials are (docs/security.md, "sign-in page").
   */
  askAdmin?: boolean;
}

export const ContentScriptRequest = v.variant('type', [
  MfaFailureSeen,
  OpenResyncRequest,
  AskAdminRequest,
  ...SIGN_IN_TAB_REQUESTS,
]);
export type ContentScriptRequest = v.InferOutput<typeof ContentScriptRequest>;

/** What the popup is opened with after the sign-in page's prompt; the page URL to return to. */
export const Prefill = v.strictObject({
  hints: SignInHints,
  returnUrl: v.optional(v.pipe(v.string(), v.url(), v.maxLength(2048))),
  createdAt: v.number(),
  /** The prompt's "Ask an admin" opened the popup: it shows the request form first. */
  askAdmin: v.optional(v.boolean()),
});
export type Prefill = v.InferOutput<typeof Prefill>;
