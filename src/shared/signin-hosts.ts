import type { Partition } from './partitions';

// The AWS sign-in hosts of every partition: the exact host, plus account-, alias- and
// region-prefixed hosts (`<account>.signin.amazonaws.cn/console`, `<alias>.signin.amazonaws-us-gov.com`
// in public code; `{Region}.signin.<partition>` in the AWS SDK's sign-in endpoint rules; see
// docs/signin-evidence.md). Not `signin-fips.*`: the SDK's FIPS endpoints of the sign-in API, with
// no evidence that they serve the console's MFA step. manifest.json's content_scripts matches must
// list the same hosts; a test keeps the two in step.
const SIGN_IN_HOSTS: ReadonlyArray<{ suffix: string; exact: boolean; partition: Partition }> = [
  { suffix: 'signin.aws.amazon.com', exact: true, partition: 'aws' },
  { suffix: '.signin.aws.amazon.com', exact: false, partition: 'aws' },
  { suffix: 'signin.amazonaws-us-gov.com', exact: true, partition: 'aws-us-gov' },
  { suffix: '.signin.amazonaws-us-gov.com', exact: false, partition: 'aws-us-gov' },
  { suffix: 'signin.amazonaws.cn', exact: true, partition: 'aws-cn' },
  { suffix: '.signin.amazonaws.cn', exact: false, partition: 'aws-cn' },
];

/** The partition of an AWS sign-in host, or undefined for any other host. */
export function signInPartition(hostname: string): Partition | undefined {
  const host = hostname.toLowerCase();
  return SIGN_IN_HOSTS.find((h) => (h.exact ? host === h.suffix : host.endsWith(h.suffix)))?.partition;
}

export function isSignInUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && signInPartition(parsed.hostname) !== undefined;
  } catch {
    return false;
  }
}

/** The sign-in page of a partition (its exact host), e.g. for the root user's own MFA re-sync flow. */
export function signInHomeUrl(partition: Partition): string {
  // Every partition has an exact host above; the fallback only satisfies the type of find().
  const host = SIGN_IN_HOSTS.find((h) => h.exact && h.partition === partition)?.suffix ?? 'signin.aws.amazon.com';
  return `https://${host}/`;
}
