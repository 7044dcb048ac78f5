import * as v from 'valibot';
import { nextRecord, type SignInTabRecord } from '../../background/signin-tab-rules';
import { ContentScriptRequest } from '../shared/messages';
import type { ContentApi } from './extension-api';

// Test support (never bundled): the content script's extension API, in memory. It records what
// would reach the background; every message must pass the background's own schema, and the
// answers keep one tab's record by the background's own rules (background/signin-tab-rules.ts).

export interface FakeExtension {
  api: ContentApi;
  sent: ContentScriptRequest[];
  local: Record<string, unknown>;
  /** What the background answers about "Ask an admin" (absent: it does not say, like an older one). */
  askAdmin?: boolean;
}

export function fakeExtension(
  local: Record<string, unknown> = {},
  managed: Record<string, unknown> | Error = {},
): FakeExtension {
  const sent: ContentScriptRequest[] = [];
  const fake: FakeExtension = { api: undefined as unknown as ContentApi, sent, local };
  let tab: SignInTabRecord | undefined;
  const answer = (message: ContentScriptRequest): unknown => {
    if (message.type === 'content/open-resync' || message.type === 'content/ask-admin') return null;
    const { record, counted } = nextRecord(tab, message.type, Date.now());
    tab = record;
    const reply = { counted, rejections: record.rejections };
    return message.type === 'content/mfa-code-submitted' || fake.askAdmin === undefined
      ? reply
      : { ...reply, askAdmin: fake.askAdmin };
  };
  const pick = (keys: string | string[]) =>
    Object.fromEntries(
      [keys]
        .flat()
        .filter((k) => k in local)
        .map((k) => [k, structuredClone(local[k])]),
    );
  const api: ContentApi = {
    runtime: {
      sendMessage: async (message) => {
        sent.push(v.parse(ContentScriptRequest, message));
        return { ok: true, value: answer(message) };
      },
    },
    storage: {
      local: {
        get: async (keys) => pick(keys),
        set: async (items) => void Object.assign(local, structuredClone(items)),
      },
      managed: {
        get: async () => {
          if (managed instanceof Error) throw managed;
          return managed;
        },
      },
    },
    i18n: { getMessage: (key) => `«${key}»` },
  };
  fake.api = api;
  return fake;
}
