import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every user-visible popup string must come from _locales (browser.i18n): a JSX text node with
// letters, or a literal in an attribute people read (placeholder, title, aria-label, alt), is a
// hard-coded string that would stay English in every locale.
const POPUP_DIR = import.meta.dirname;
const READABLE_ATTRIBUTES = new Set(['placeholder', 'title', 'aria-label', 'alt', 'label']);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [path] : [];
  });
}

function hardCodedStrings(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(node.text.trim());
    if (
      ts.isJsxAttribute(node) &&
      READABLE_ATTRIBUTES.has(node.name.getText(source)) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      /\p{L}/u.test(node.initializer.text)
    ) {
      found.push(`${node.name.getText(source)}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.map((text) => `${relative(POPUP_DIR, path)}: ${text}`);
}

describe('popup strings', () => {
  it('has no hard-coded user-visible text in JSX', () => {
    const files = tsxFiles(POPUP_DIR);
    expect(files.length).toBeGreaterThan(5);
    expect(files.flatMap(hardCodedStrings)).toEqual([]);
  });
});
