import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageSender } from '../src/shared/browser';
import {
  foreignSenders,
  installFakeBrowser,
  popupSender,
  signInContentSender,
  type FakeBrowser,
} from './fuzz-fake-browser';

// The background's front door under generated messages: it never throws or leaves a rejection
// behind; a content script gets exactly its four messages and a plain 'Refused' for anything else
// (a forged resync/start or vault/unlock included); other senders get 'Refused' whatever they send;
// and no log line carries the message's payload. A forged message cannot be sent from a real
// content script's world by the e2e drivers, so this is where that case is proven.

// Any AWS call that slipped through would fail at once on a closed local port, not hang.
const SETTINGS = { settings: { endpointOverride: 'https://127.0.0.1:1' } };
const fake: FakeBrowser = installFakeBrowser(SETTINGS);
// Imported after the fake exists: src/shared/browser.ts reads globalThis.browser at import.
const { routeMessage } = await import('./message-router');

const REFUSED = { ok: false, error: { code: 'Refused' } };
const EXTENSION_TYPES = [
  'vault/unlock',
  'vault/elevate',
  'vault/status',
  'vault/lock',
  'devices/list',
  'resync/start',
  'resync/last-outcome',
];
const CONTENT_TYPES = [
  'content/mfa-failure-seen',
  'content/open-resync',
  'content/mfa-code-submitted',
  'content/mfa-error-at-load',
];

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalString = (v: unknown, max: number) => v === undefined || (typeof v === 'string' && v.length <= max);

/** Written from the protocol's documentation, not from its valibot schema. */
function hintsOk(h: unknown): boolean {
  if (!isRecord(h) || typeof h['isRoot'] !== 'boolean') return false;
  const known = ['account', 'userName', 'partition', 'serialNumber', 'isRoot'];
  return (
    Object.keys(h).every((k) => known.includes(k)) &&
    ['account', 'userName', 'serialNumber'].every((k) => optionalString(h[k], 256)) &&
    [undefined, 'aws', 'aws-us-gov', 'aws-cn'].includes(h['partition'] as string | undefined)
  );
}
function isAllowedContentMessage(m: unknown): boolean {
  if (!isRecord(m)) return false;
  const keys = Object.keys(m).sort().join(',');
  if (m['type'] === 'content/open-resync') return keys === 'hints,type' && hintsOk(m['hints']);
  // The tab's own signals carry nothing but their type.
  if (m['type'] === 'content/mfa-code-submitted' || m['type'] === 'content/mfa-error-at-load') return keys === 'type';
  const n = m['consecutive'];
  const countOk = typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 1000;
  return (
    m['type'] === 'content/mfa-failure-seen' && keys === 'consecutive,hints,type' && countOk && hintsOk(m['hints'])
  );
}

// A payload marker: long, random, and nothing a log sentence could contain by chance.
const marker = fc.stringMatching(/^[A-Za-z0-9]{24}$/).map((s) => `SECRET${s}`);
const hintsArb = fc.record(
  {
    account: fc.oneof(fc.string({ maxLength: 12 }), fc.string({ minLength: 250, maxLength: 260 })),
    userName: fc.string({ maxLength: 20 }),
    partition: fc.constantFrom('aws', 'aws-us-gov', 'aws-cn', 'aws-iso', 7),
    serialNumber: fc.string({ maxLength: 20 }),
    isRoot: fc.oneof(fc.boolean(), fc.constant('false')),
  },
  { requiredKeys: [] },
);
const contentShaped = fc.record(
  {
    type: fc.constantFrom(...CONTENT_TYPES, ...EXTENSION_TYPES, 'content/open-resync ', 'CONTENT/OPEN-RESYNC'),
    consecutive: fc.oneof(fc.integer({ min: -2, max: 1002 }), fc.double(), fc.constant('2')),
    hints: fc.oneof(hintsArb, fc.anything()),
    extra: fc.anything(),
  },
  { requiredKeys: ['type'] },
);
/** Requests an extension page may send, well formed, each with a payload a content script must not get through. */
const forgedPageRequest = fc.tuple(marker, fc.uuid()).chain(([secret, uuid]) =>
  fc.constantFrom<Rec>(
    { type: 'vault/unlock', paste: `export AWS_SECRET_ACCESS_KEY=${secret}` },
    {
      type: 'resync/start',
      attemptId: uuid,
      userName: 'alice',
      serialNumber: 'arn:aws:iam::123456789012:mfa/a',
      code1: '123456',
      code2: '654321',
    },
    { type: 'vault/elevate', serialNumber: 'arn:aws:iam::123456789012:mfa/a', tokenCode: '123456' },
    { type: 'vault/status' },
    { type: 'devices/list', userName: 'bob' },
  ),
);
/** Anything at all, with a marker planted where a log line or a reply might echo it. */
const withPlantedSecret = fc
  .tuple(marker, fc.anything({ withNullPrototype: true, withBoxedValues: true }))
  .chain(([secret, whatever]) =>
    fc.constantFrom<unknown>(
      secret,
      [secret],
      { type: secret },
      { type: 'vault/unlock', paste: secret, profile: whatever },
      { type: 'vault/unlock', paste: secret, unexpected: true },
      { type: 'resync/start', code1: secret, code2: secret, userName: 'u', serialNumber: 's', attemptId: 'no-uuid' },
      { type: whatever, paste: secret },
      { type: 'content/open-resync', hints: { isRoot: false, userName: secret }, extra: whatever },
      { type: Object.assign(Object.create(null) as object, { secret }) },
      whatever,
    ),
  );
const anyMessage = fc.oneof(
  withPlantedSecret,
  contentShaped,
  forgedPageRequest,
  fc.anything({ withNullPrototype: true }),
);

const logged: string[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

/** Routes one message; fails on a throw, a rejection, or a reply that is not a Reply. */
async function route(message: unknown, sender: MessageSender): Promise<Rec> {
  const reply: unknown = await routeMessage(message, sender);
  expect(isRecord(reply) && typeof reply['ok'] === 'boolean').toBe(true);
  return reply as Rec;
}
function markersIn(message: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (typeof v === 'string') found.push(...(v.match(/SECRET[A-Za-z0-9]{24}/g) ?? []));
    else if (typeof v === 'object' && v !== null && depth < 8) for (const x of Object.values(v)) walk(x, depth + 1);
  };
  walk(message, 0);
  return found;
}
function expectNoEcho(message: unknown, reply: Rec): void {
  for (const secret of markersIn(message)) {
    expect(logged.join('\n')).not.toContain(secret);
    expect(JSON.stringify(reply)).not.toContain(secret);
  }
}

describe('routeMessage under generated messages', () => {
  beforeAll(() => process.on('unhandledRejection', onUnhandled));
  afterAll(() => process.off('unhandledRejection', onUnhandled));
  beforeEach(() => {
    fake.reset(SETTINGS);
    logged.length = 0;
    for (const level of ['warn', 'error', 'info', 'log'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' '));
      });
    }
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    // Give any floating promise a turn to reject before counting.
    await new Promise((done) => setTimeout(done, 0));
    expect(unhandled).toEqual([]);
  });

  it('a sign-in content script gets its four messages and a plain Refused for anything else', async () => {
    await fc.assert(
      fc.asyncProperty(anyMessage, async (message) => {
        logged.length = 0;
        const reply = await route(message, signInContentSender);
        if (isAllowedContentMessage(message)) {
          // Nothing, or the tab's count (with whether to offer Ask an admin, except to the submit
          // itself): never anything of the message.
          const { value } = reply as { ok: true; value: unknown };
          expect(reply).toMatchObject({ ok: true });
          const count = (message as Rec)['type'] === 'content/mfa-code-submitted' ? [] : ['askAdmin'];
          if (value !== null) expect(Object.keys(value as object).sort()).toEqual([...count, 'counted', 'rejections']);
        } else {
          expect(reply).toEqual(REFUSED);
          expect(logged.some((line) => line.includes('refused'))).toBe(true);
        }
        expectNoEcho(message, reply);
      }),
      { numRuns: 400 },
    );
  });

  it('an extension page may send anything: malformed or unknown messages are refused without their payload', async () => {
    await fc.assert(
      fc.asyncProperty(anyMessage, async (message) => {
        logged.length = 0;
        const reply = await route(message, popupSender);
        const type = isRecord(message) ? message['type'] : undefined;
        if (typeof type !== 'string' || !EXTENSION_TYPES.includes(type)) expect(reply).toEqual(REFUSED);
        expectNoEcho(message, reply);
      }),
      { numRuns: 400 },
    );
  });

  it.each(Object.entries(foreignSenders))('%s: every message is refused, the valid ones too', async (_name, sender) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyMessage, forgedPageRequest), async (message) => {
        logged.length = 0;
        const reply = await route(message, sender);
        expect(reply).toEqual(REFUSED);
        expectNoEcho(message, reply);
      }),
      { numRuns: 60 },
    );
    // A refused sender changed nothing: no prefill, no vault, no popup opened, no badge.
    expect([...fake.storage.session.items.keys()]).toEqual([]);
    expect(fake.calls).toEqual([]);
  });

  it('a forged resync/start or vault/unlock from the content script changes nothing in the background', async () => {
    await fc.assert(
      fc.asyncProperty(forgedPageRequest, async (message) => {
        expect(await route(message, signInContentSender)).toEqual(REFUSED);
      }),
      { numRuns: 50 },
    );
    expect([...fake.storage.session.items.keys()]).toEqual([]);
    expect(fake.calls).toEqual([]);
  });
});
