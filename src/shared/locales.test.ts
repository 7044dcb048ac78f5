import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Every _locales/<lang>/messages.json must match the English one key for key: Chrome shows the raw key (or
// refuses to load the extension) when a message or a placeholder is missing or malformed.

interface ChromeMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
type Messages = Record<string, ChromeMessage>;

const LOCALES_DIR = new URL('../../_locales/', import.meta.url);

const locales = readdirSync(LOCALES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function load(locale: string): Messages {
  return JSON.parse(readFileSync(new URL(`${locale}/messages.json`, LOCALES_DIR), 'utf8')) as Messages;
}

const en = load('en');

/** The placeholder names a message uses, lower-cased ("$$" is a literal dollar, not a placeholder). */
function usedPlaceholders(message: string): string[] {
  const names = [...message.replaceAll('$$', '').matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) =>
    (m[1] ?? '').toLowerCase(),
  );
  return [...new Set(names)].sort();
}

/** The declared placeholders as sorted [name, content] pairs, so two locales can be compared exactly. */
function declaredPlaceholders(entry: ChromeMessage | undefined): [string, string][] {
  return Object.entries(entry?.placeholders ?? {})
    .map(([name, placeholder]): [string, string] => [name, placeholder.content])
    .sort(([a], [b]) => a.localeCompare(b));
}

describe('_locales', () => {
  it('has English and at least one translation', () => {
    expect(locales).toContain('en');
    expect(locales.length).toBeGreaterThan(1);
  });
});

describe.each(locales)('_locales/%s/messages.json', (locale) => {
  const messages = load(locale);

  it('has exactly the keys of the English messages.json', () => {
    const missing = Object.keys(en).filter((key) => !Object.hasOwn(messages, key));
    const extra = Object.keys(messages).filter((key) => !Object.hasOwn(en, key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('uses only [A-Za-z0-9_] in key names', () => {
    for (const key of Object.keys(messages)) expect(key, key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('has no empty message', () => {
    for (const [key, entry] of Object.entries(messages)) {
      expect(typeof entry.message, key).toBe('string');
      expect(entry.message.trim(), key).not.toBe('');
    }
  });

  it('declares the same placeholders as English, with the same contents', () => {
    for (const [key, entry] of Object.entries(messages)) {
      if (!Object.hasOwn(en, key)) continue; // reported by the key-set test
      expect(declaredPlaceholders(entry), key).toEqual(declaredPlaceholders(en[key]));
    }
  });

  it('declares every $NAME$ placeholder a message uses', () => {
    for (const [key, entry] of Object.entries(messages)) {
      const declared = Object.keys(entry.placeholders ?? {}).map((name) => name.toLowerCase());
      for (const name of usedPlaceholders(entry.message)) expect(declared, `${key} uses $${name}$`).toContain(name);
    }
  });

  it('uses the same $NAME$ placeholders as the English message', () => {
    for (const [key, entry] of Object.entries(messages)) {
      const source = en[key];
      if (!source) continue; // reported by the key-set test
      expect(usedPlaceholders(entry.message), key).toEqual(usedPlaceholders(source.message));
    }
  });
});
