import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ContentScriptRequest, ExtensionPageRequest } from '../src/shared/messages';
import { installFakeBrowser, popupSender, signInContentSender } from './fuzz-fake-browser';

// docs/architecture.md's message table against the code: the same message types, each with the
// sender the router lets through and the module that handles it. The doc cannot go stale silently.

installFakeBrowser({ settings: { endpointOverride: 'https://127.0.0.1:1' } });
// Imported after the fake exists: src/shared/browser.ts reads globalThis.browser at import.
const { routeMessage } = await import('./message-router');

const SENDERS = { 'extension pages': ExtensionPageRequest, 'sign-in content script': ContentScriptRequest };
type SenderName = keyof typeof SENDERS;

interface DocRow {
  type: string;
  sender: string;
  handler: string;
}

function docRows(): DocRow[] {
  const doc = readFileSync('docs/architecture.md', 'utf8');
  return [...doc.matchAll(/^\|\s*`([a-z-]+\/[a-z-]+)`\s*\|\s*([^|]+?)\s*\|\s*`([^`]+)`\s*\|/gm)].map(
    ([, type, sender, handler]) => ({
      type: type ?? '',
      sender: sender ?? '',
      handler: handler ?? '',
    }),
  );
}

const typesOf = (schema: (typeof SENDERS)[SenderName]): string[] =>
  schema.options.map((option) => option.entries.type.literal);

/** The body of `case 'type':` in a switch of `file`, up to the next case or the switch's end. */
function caseBody(file: string, type: string): string | undefined {
  const source = readFileSync(file, 'utf8');
  const start = source.indexOf(`case '${type}':`);
  if (start === -1) return undefined;
  // Cases that fall through to the next share its body.
  const rest = source.slice(start + type.length + 8).replace(/^(\s*case '[^']+':)*/, '');
  const end = rest.search(/\n\s*(case '|\}\n)/);
  return end === -1 ? rest : rest.slice(0, end);
}

/** The modules whose functions a case of the router calls (functions defined in the router count as its own). */
function modulesCalledIn(body: string): Set<string> {
  const router = readFileSync('background/message-router.ts', 'utf8');
  const moduleOf = new Map<string, string>();
  for (const [, names, path] of router.matchAll(/^import \{([^}]+)\} from '\.\/([\w-]+)';$/gm)) {
    for (const name of (names ?? '').split(',')) moduleOf.set(name.trim(), `background/${path}.ts`);
  }
  const called = [...body.matchAll(/\b(\w+)\(/g)].map(([, name]) => name ?? '');
  return new Set(
    called.map(
      (name) => moduleOf.get(name) ?? (router.includes(`function ${name}(`) ? 'background/message-router.ts' : ''),
    ),
  );
}

describe('docs/architecture.md message table', () => {
  const rows = docRows();

  it('lists every message type of src/shared/messages.ts once, with the sender allowed to send it', () => {
    expect(rows.map((row) => row.type).sort()).toEqual(
      [...typesOf(ExtensionPageRequest), ...typesOf(ContentScriptRequest)].sort(),
    );
    for (const row of rows) {
      expect(Object.keys(SENDERS), row.type).toContain(row.sender);
      expect(typesOf(SENDERS[row.sender as SenderName]), `${row.type} is sent by ${row.sender}`).toContain(row.type);
    }
  });

  it('names the module that handles each message', () => {
    for (const row of rows) {
      if (row.sender === 'sign-in content script') {
        expect(caseBody('background/content-requests.ts', row.type), row.type).toBeDefined();
        expect(row.handler).toBe('background/content-requests.ts');
      } else {
        const body = caseBody('background/message-router.ts', row.type);
        expect(body, `${row.type} has a case in the router`).toBeDefined();
        expect([...modulesCalledIn(body ?? '')], row.type).toContain(row.handler);
      }
    }
  });

  it('is what the router enforces: each message from the other sender is refused', async () => {
    const refused = { ok: false, error: { code: 'Refused' } };
    for (const row of rows) {
      const wrongSender = row.sender === 'extension pages' ? signInContentSender : popupSender;
      expect(await routeMessage({ type: row.type }, wrongSender), row.type).toEqual(refused);
    }
  });
});
