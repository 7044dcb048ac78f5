// Checks a parsed SigV4 signature against the request bytes and the server clock. Returns AWS errors
// (never throws for a bad request) so the authentication order stays readable in authenticate.ts.
import { timingSafeEqual } from 'node:crypto';
import { authErrors, type AwsError } from './query-protocol/aws-error';
import {
  canonicalRequest,
  credentialScope,
  hmac,
  signingKey,
  stringToSign,
  type CanonicalRequestParts,
} from './sigv4-canonical';
import { parseAmzDate, toAmzDate, type SignatureParts } from './sigv4-parse';

/**
 * IAM and STS accept a request whose signing time is within 15 minutes of their clock; beyond that
 * they answer SignatureDoesNotMatch "Signature expired: … (… - 15 min.)" (seen in many CLI error
 * reports for STS). They do not use S3's RequestTimeTooSkewed code.
 */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
const MAX_PRESIGN_EXPIRES_SECONDS = 7 * 24 * 3600;

export function checkSigningTime(parts: SignatureParts, nowMs: number): AwsError | null {
  const amzDate = parts.amzDate ?? '';
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === null) {
    return authErrors.incompleteSignature(
      `Date must be in ISO-8601 'basic format'. Got '${parts.dateAsSent ?? ''}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  }
  if (amzDate.slice(0, 8) !== parts.scopeDate) {
    return authErrors.signatureDoesNotMatch(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${parts.scopeDate}' != '${amzDate.slice(0, 8)}', from '${parts.dateAsSent ?? ''}'.`,
    );
  }
  const serverTime = toAmzDate(nowMs);
  if (signedAt > nowMs + MAX_CLOCK_SKEW_MS) {
    return authErrors.signatureDoesNotMatch(
      `Signature not yet current: ${amzDate} is still later than ${toAmzDate(nowMs + MAX_CLOCK_SKEW_MS)} (${serverTime} + 15 min.)`,
    );
  }
  if (parts.form === 'header' && signedAt < nowMs - MAX_CLOCK_SKEW_MS) {
    return authErrors.signatureDoesNotMatch(
      `Signature expired: ${amzDate} is now earlier than ${toAmzDate(nowMs - MAX_CLOCK_SKEW_MS)} (${serverTime} - 15 min.)`,
    );
  }
  if (parts.form === 'query') {
    const expires = parts.expiresSeconds ?? MAX_CLOCK_SKEW_MS / 1000;
    if (!Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGN_EXPIRES_SECONDS) {
      return authErrors.incompleteSignature(
        `X-Amz-Expires must be between 1 and ${MAX_PRESIGN_EXPIRES_SECONDS} seconds.`,
      );
    }
    if (signedAt + expires * 1000 < nowMs) {
      return authErrors.signatureDoesNotMatch(
        `Signature expired: ${amzDate} is now earlier than ${toAmzDate(nowMs - expires * 1000)} (${serverTime} - ${expires} sec.)`,
      );
    }
  }
  return null;
}

export interface SignatureCheck {
  matches: boolean;
  /** Kept for the call log: the first thing to compare when a client's signature is rejected. */
  canonicalRequest: string;
  stringToSign: string;
}

export function checkSignature(
  request: Omit<CanonicalRequestParts, 'signedHeaders'>,
  parts: SignatureParts,
  secretAccessKey: string,
): SignatureCheck {
  const canonical = canonicalRequest({ ...request, signedHeaders: parts.signedHeaders });
  const scope = credentialScope(parts.scopeDate, parts.region, parts.service);
  const toSign = stringToSign(parts.amzDate ?? '', scope, canonical);
  const key = signingKey(secretAccessKey, parts.scopeDate, parts.region, parts.service);
  const expected = hmac(key, toSign);
  const provided = /^[0-9a-f]{64}$/.test(parts.signature) ? Buffer.from(parts.signature, 'hex') : Buffer.alloc(0);
  const matches = provided.length === expected.length && timingSafeEqual(provided, expected);
  return { matches, canonicalRequest: canonical, stringToSign: toSign };
}
