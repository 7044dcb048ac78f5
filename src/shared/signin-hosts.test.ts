import { describe, expect, it } from 'vitest';
import { signInHomeUrl, signInPartition } from './signin-hosts';

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
