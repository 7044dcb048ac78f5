import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { missingBuilds, missingBuildsMessage } from './built-extensions';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function fakeBuild(dir: string): void {
  mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, dir, 'manifest.json'), '{}');
}

describe('missingBuilds', () => {
  it('names all four builds on a fresh clone, and both commands', () => {
    root = mkdtempSync(join(tmpdir(), 'mfa-builds-'));
    const missing = missingBuilds(root);
    expect(missing).toEqual(['dist/chrome', 'dist/firefox', 'dist/chrome-sandbox', 'dist/firefox-sandbox']);
    expect(missingBuildsMessage(missing)).toContain('npm run build && npm run build:sandbox');
  });

  it('names only what is missing; an empty build directory counts as missing', () => {
    root = mkdtempSync(join(tmpdir(), 'mfa-builds-'));
    for (const dir of ['dist/chrome', 'dist/firefox', 'dist/chrome-sandbox']) fakeBuild(dir);
    mkdirSync(join(root, 'dist/firefox-sandbox'), { recursive: true });
    const missing = missingBuilds(root);
    expect(missing).toEqual(['dist/firefox-sandbox']);
    const message = missingBuildsMessage(missing);
    expect(message).toContain('npm run build:sandbox');
    expect(message).not.toContain('npm run build &&');
  });

  it('is empty when every build is there', () => {
    root = mkdtempSync(join(tmpdir(), 'mfa-builds-'));
    for (const dir of ['dist/chrome', 'dist/firefox', 'dist/chrome-sandbox', 'dist/firefox-sandbox']) fakeBuild(dir);
    expect(missingBuilds(root)).toEqual([]);
  });
});
