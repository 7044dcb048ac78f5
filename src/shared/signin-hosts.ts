import type { Partition } from './partitions';

// The AWS sign-in hosts of every partition: the exact host, plus account-, alias- and
// region-prefixed hosts (`<account>.signin.amazonaws.cn/console`, `<alias>.signin.amazonaws-us-gov.com`
// in public code; `{Region}.signin.<partition>` in the AWS SDK's sign-in endpoint rules; see
// docs/signin-evidence.md). Not `signin-fips.*`: the SDK's FIPS endpoints of the sign-in API, with
// no evidence that they serve the console's MFA step. manifest.json's content_scripts matches must
// list the same hosts; a test keeps the two in step.
// The exact host, or a host below it (as the match pattern `*.` does).
const SIGN_IN_HOST = /^(?:[a-z0-9-]+\.)*signin\.(?:aws\.amazon\.com|amazonaws-us-gov\.com|amazonaws\.cn)$/;
const HOME: Record<Partition, string> = {
  aws: 'signin.aws.amazon.com',
  'aws-us-gov': 'signin.amazonaws-us-gov.com',
  'aws-cn': 'signin.amazonaws.cn',
};

/** The partition of an AWS sign-in host, or undefined for any other host. */
export function signInPartition(hostname: string): Partition | undefined {
  return SIGN_IN_HOST.test(hostname.toLowerCase()) ? partitionOfSignInHost(hostname) : undefined;
}

/** The partition of a host already known to be a sign-in host (the content script's, by its matches). */
export function partitionOfSignInHost(hostname: string): Partition {
  const host = hostname.toLowerCase();
  return host.endsWith('.cn') ? 'aws-cn' : host.endsWith('-us-gov.com') ? 'aws-us-gov' : 'aws';
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
  return `https://${HOME[partition]}/`;
}
