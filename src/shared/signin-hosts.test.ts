import { describe, expect, it } from 'vitest';
import { isSignInUrl, signInHomeUrl, signInPartition } from './signin-hosts';

describe('signInHomeUrl', () => {
  it.each([
    ['aws', 'https://signin.aws.amazon.com/'],
    ['aws-us-gov', 'https://signin.amazonaws-us-gov.com/'],
    ['aws-cn', 'https://signin.amazonaws.cn/'],
  ] as const)('%s → %s, a host the content script runs on', (partition, url) => {
    expect(signInHomeUrl(partition)).toBe(url);
    expect(signInPartition(new URL(url).hostname)).toBe(partition);
  });
});

// Which tabs count as AWS sign-in tabs decides whose content-script messages the background takes
// (background/sender-checks.ts): the host grammar is held exactly, at both ends.
describe('isSignInUrl and signInPartition', () => {
  it.each([
    ['https://signin.aws.amazon.com/oauth', 'aws'],
    ['https://us-east-1.signin.aws.amazon.com/', 'aws'],
    ['https://123456789012.signin.aws.amazon.com/console', 'aws'],
    ['https://my-alias.signin.amazonaws-us-gov.com/', 'aws-us-gov'],
    ['https://SIGNIN.AMAZONAWS.CN/', 'aws-cn'],
    ['https://a.b.signin.amazonaws.cn/', 'aws-cn'],
  ] as const)('takes %s (%s)', (url, partition) => {
    expect(isSignInUrl(url)).toBe(true);
    expect(signInPartition(new URL(url).hostname)).toBe(partition);
  });

  it.each([
    ['plain http', 'http://signin.aws.amazon.com/'],
    ['a look-alike with our host as its prefix', 'https://signin.aws.amazon.com.evil.example/'],
    ['a host that only ends in "signin"', 'https://evilsignin.aws.amazon.com/'],
    ['a label with a character hosts cannot have', 'https://a_b.signin.aws.amazon.com/'],
    ['another AWS host', 'https://console.aws.amazon.com/'],
    ['the FIPS sign-in API', 'https://signin-fips.amazonaws-us-gov.com/'],
    ['not a URL', 'signin.aws.amazon.com'],
  ])('refuses %s', (_, url) => {
    expect(isSignInUrl(url)).toBe(false);
  });
});
