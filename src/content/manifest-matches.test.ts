import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signInPartition } from '../shared/signin-hosts';

// The content script's match patterns in manifest.json and src/shared/signin-hosts.ts (which the
// background uses to accept a content script's messages) must describe the same hosts.

interface ContentScriptEntry {
  matches: string[];
  js: string[];
  run_at?: string;
  all_frames?: boolean;
  exclude_matches?: string[];
  include_globs?: string[];
}

const ROOT = resolve(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(resolve(ROOT, 'manifest.json'), 'utf8')) as {
  content_scripts?: ContentScriptEntry[];
};

/** Host part of a match pattern, as the browser applies it (`*.` = the host or any subdomain). */
function patternMatchesHost(pattern: string, host: string): boolean {
  const parsed = /^https:\/\/([^/]+)\/\*$/.exec(pattern);
  if (!parsed?.[1]) throw new Error(`unexpected match pattern ${pattern}`);
  const patternHost = parsed[1];
  if (!patternHost.startsWith('*.')) return host === patternHost;
  const base = patternHost.slice(2);
  return host === base || host.endsWith(`.${base}`);
}

const SAMPLE_HOSTS = [
  'signin.aws.amazon.com',
  '123456789012.signin.aws.amazon.com',
  'my-alias.signin.aws.amazon.com',
  'us-east-1.signin.aws.amazon.com',
  'signin.amazonaws-us-gov.com',
  'example-corp.signin.amazonaws-us-gov.com',
  'us-gov-west-1.signin.amazonaws-us-gov.com',
  'signin.amazonaws.cn',
  '123456789012.signin.amazonaws.cn',
  'cn-north-1.signin.amazonaws.cn',
  // Look-alikes and neighbours that must match neither.
  'evilsignin.aws.amazon.com',
  'signin.aws.amazon.com.example.com',
  'aws.amazon.com',
  'console.aws.amazon.com',
  'evilsignin.amazonaws-us-gov.com',
  'signin.amazonaws.cn.example.com',
  'signin-fips.amazonaws-us-gov.com',
  'console.amazonaws.cn',
  'signin.amazonaws.com',
  'example.com',
  '127.0.0.1',
];

describe('manifest content_scripts', () => {
  const entries = manifest.content_scripts ?? [];

  it('has one entry: the content script, top frame only, https only, nothing narrowed by globs', () => {
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry?.js).toEqual(['src/content/index.iife.ts']);
    expect(entry?.all_frames ?? false).toBe(false);
    expect(entry?.exclude_matches ?? []).toEqual([]);
    expect(entry?.include_globs ?? []).toEqual([]);
    expect(entry?.matches.every((m) => m.startsWith('https://'))).toBe(true);
  });

  it('matches exactly the sign-in hosts of every partition', () => {
    expect([...(entries[0]?.matches ?? [])].sort()).toEqual(
      [
        'https://signin.aws.amazon.com/*',
        'https://*.signin.aws.amazon.com/*',
        'https://signin.amazonaws-us-gov.com/*',
        'https://*.signin.amazonaws-us-gov.com/*',
        'https://signin.amazonaws.cn/*',
        'https://*.signin.amazonaws.cn/*',
      ].sort(),
    );
  });

  it.each(SAMPLE_HOSTS)('agrees with signInPartition on %s', (host) => {
    const matched = (entries[0]?.matches ?? []).some((pattern) => patternMatchesHost(pattern, host));
    expect(matched).toBe(signInPartition(host) !== undefined);
  });
});
