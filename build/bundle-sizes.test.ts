import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importRefs, measureContexts, sharedFiles } from './bundle-sizes';

describe('importRefs', () => {
  it('finds static, dynamic and getURL references in minified output', () => {
    const code =
      'import{a as e}from"./shared-AAAAAAAA.js";import"./side.js";const x=()=>import(`./lazy-BBBBBBBB.js`);' +
      'chrome.runtime.getURL("assets/content-CCCCCCCC.js");const t=`imported import "@aws-sdk/signature-v4-crt"`;';
    expect(importRefs(code)).toEqual([
      { specifier: './shared-AAAAAAAA.js', dynamic: false },
      { specifier: './side.js', dynamic: false },
      { specifier: '@aws-sdk/signature-v4-crt', dynamic: false },
      { specifier: './lazy-BBBBBBBB.js', dynamic: true },
      { specifier: 'assets/content-CCCCCCCC.js', dynamic: false },
    ]);
  });
});

describe('measureContexts', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('follows each context from the manifest and counts shared and lazy chunks', () => {
    dir = mkdtempSync(join(tmpdir(), 'bench-sizes-'));
    mkdirSync(join(dir, 'assets'));
    mkdirSync(join(dir, 'popup'));
    const write = (path: string, text: string) => writeFileSync(join(dir, path), text);
    write(
      'manifest.json',
      JSON.stringify({
        action: { default_popup: 'popup/index.html' },
        background: { service_worker: 'loader.js' },
        content_scripts: [{ js: ['content.js'] }],
      }),
    );
    write(
      'popup/index.html',
      '<script type="module" src="/assets/popup.js"></script><link rel="modulepreload" crossorigin href="/assets/preloaded.js">' +
        '<link rel="stylesheet" href="/assets/p.css">',
    );
    // Two lazy views; one of them is also imported statically by the other lazy view's shared
    // helper, which stays lazy, and by nothing at start.
    write(
      'assets/popup.js',
      'import{x}from"./shared.js";const a=()=>import("./view-a.js"),b=()=>import("./view-b.js"),c=()=>import("./preloaded.js");',
    );
    write('assets/preloaded.js', 'export{}');
    write('assets/view-a.js', 'import"./view-helper.js";import"./shared.js";export{}');
    write('assets/view-b.js', 'import"./view-helper.js";export{}');
    write('assets/view-helper.js', 'export{}');
    write('assets/p.css', 'body{color:red}');
    write('assets/shared.js', 'export const x=1;');
    write('loader.js', "import './assets/bg.js';");
    write('assets/bg.js', 'import"./shared.js";const l=()=>import("./lazy.js");chrome.runtime.getURL("icons/i.png");');
    write('assets/lazy.js', 'export{}');
    write('content.js', '(function(){})()');

    const contexts = measureContexts(dir);
    const files = (name: string) =>
      contexts
        .find((c) => c.context === name)
        ?.files.map((f) => `${f.file}${f.lazy ? ' (lazy)' : ''}`)
        .sort();
    expect(files('popup')).toEqual([
      'assets/p.css',
      'assets/popup.js',
      'assets/preloaded.js',
      'assets/shared.js',
      'assets/view-a.js (lazy)',
      'assets/view-b.js (lazy)',
      'assets/view-helper.js (lazy)',
    ]);
    expect(files('background')).toEqual(['assets/bg.js', 'assets/lazy.js (lazy)', 'assets/shared.js', 'loader.js']);
    expect(files('content')).toEqual(['content.js']);
    expect(sharedFiles(contexts).map((s) => [s.file, s.contexts])).toEqual([
      ['assets/shared.js', ['popup', 'background']],
    ]);
    const popup = contexts.find((c) => c.context === 'popup');
    expect(popup?.gzipBytes).toBe(popup?.files.reduce((n, f) => n + f.gzipBytes, 0));
    expect(popup?.eagerGzipBytes).toBe(popup?.files.filter((f) => !f.lazy).reduce((n, f) => n + f.gzipBytes, 0));
  });
});
