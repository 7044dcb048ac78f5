import { beforeEach, expect } from 'vitest';
import { bashExportPaste, seedUser } from '../e2e/harness/demo-users';
import { controlGet, controlPost, type TestSandbox } from '../e2e/sandbox/sandbox-test-kit';
import { seededSessionOf } from '../e2e/sandbox/seed';
import { useTestSandbox } from '../e2e/sandbox/use-test-sandbox';
import { installFakeBrowser, popupSend, popupSender, type FakeBrowser } from './fuzz-fake-browser';
import type { VaultRecord } from './vault';

// For unit tests that drive the real message router against the IAM/STS sandbox (the node SDK
// sends real requests to it): what the user pastes, the settings that point the background at the
// sandbox, and the sandbox's log of what reached it. Test-only: never bundled.

/** storage.local for a user who pointed the extension at the sandbox and allows long-term keys. */
export const settingsFor = (url: string, more: Record<string, unknown> = {}) => ({
  settings: { endpointOverride: url, allowLongTermKeys: true, ...more },
});

/** The bash `export` paste of a key pair, with a session token for temporary credentials. */
export function keysPaste(accessKeyId: string, secretAccessKey: string, sessionToken?: string): string {
  return [
    `export AWS_ACCESS_KEY_ID=${accessKeyId}`,
    `export AWS_SECRET_ACCESS_KEY=${secretAccessKey}`,
    ...(sessionToken ? [`export AWS_SESSION_TOKEN=${sessionToken}`] : []),
  ].join('\n');
}

/** What the popup is shown of a session of the seeded user bob (SessionView, in part). */
export const BOB_VIEW = { arn: 'arn:aws:iam::123456789012:user/bob', account: '123456789012', userName: 'bob' };

/** A seeded IAM user's long-term keys, as they paste them from a terminal. */
export const longTermPaste = (userName: string): string => bashExportPaste(seedUser(userName));

/** A seeded session (temporary credentials), e.g. `ASIASANDBOXCAROL0005`. */
export function sessionPaste(accessKeyId: string): string {
  const session = seededSessionOf(accessKeyId);
  return keysPaste(session.accessKeyId, session.secretAccessKey, session.sessionToken);
}

export interface LoggedCall {
  action: string | null;
  status: number;
  code?: string | null;
  accessKeyId?: string | null;
  params: Record<string, string>;
}

/** The requests for `action` that reached the sandbox, oldest first. */
export const callsTo = async (url: string, action: string): Promise<LoggedCall[]> =>
  (await controlGet<LoggedCall[]>(url, 'calls')).filter((c) => c.action === action);

/** Makes the next `times` requests for `action` fail with `code` (see e2e/sandbox/faults.ts). */
export const injectFault = (url: string, action: string, code: string, times = 1): Promise<void> =>
  inject(url, { action, code, times });

/** Any fault e2e/sandbox/faults.ts knows (an error, a delay, a skewed Date header) for the next requests. */
export async function inject(url: string, spec: Record<string, unknown>): Promise<void> {
  const response = await controlPost(url, 'inject', spec);
  if (!response.ok) throw new Error(`inject ${JSON.stringify(spec)} → ${response.status}`);
}

export interface RouterAgainstSandbox {
  sb: TestSandbox;
  fake: FakeBrowser;
  /** The router, for a sender other than the popup. */
  routeMessage: (message: unknown, sender: typeof popupSender) => Promise<unknown>;
  /** A message from the popup. */
  send: (message: unknown) => Promise<unknown>;
  /** Unlocks with `paste`, which must succeed. */
  unlockAs: (paste: string) => Promise<void>;
  /** The vault record as stored, or undefined when locked. */
  vault: () => VaultRecord | undefined;
}

/**
 * The fake browser and the real router, pointed at a sandbox that starts afresh before every test
 * (with no policy, the user settings of settingsFor, and the sandbox build's loopback rule). Call
 * once at the top of a test file, with `await`: the router is imported after the fake exists
 * (src/shared/browser.ts reads globalThis.browser at import).
 */
export async function routerAgainstSandbox(): Promise<RouterAgainstSandbox> {
  const sb = useTestSandbox({ resetEach: true });
  const fake = installFakeBrowser();
  const noPolicy = fake.storage.managed.get;
  const { routeMessage } = await import('./message-router');
  beforeEach(() => {
    fake.reset(settingsFor(sb.url));
    fake.storage.managed.get = noPolicy;
    Object.assign(globalThis, { __SANDBOX_BUILD__: true });
  });
  const send = popupSend(routeMessage);
  return {
    sb,
    fake,
    routeMessage,
    send,
    unlockAs: async (paste) => {
      expect(await send({ type: 'vault/unlock', paste })).toMatchObject({ ok: true });
    },
    vault: () => fake.storage.session.items.get('vault') as VaultRecord | undefined,
  };
}
