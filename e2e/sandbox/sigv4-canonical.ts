// The SigV4 canonical request and signing key, rebuilt from the bytes the server actually received.
// Written from the SigV4 specification; nothing here trusts a value the client computed for us.
import { createHash, createHmac } from 'node:crypto';

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';

/** RFC 3986 encoding as SigV4 wants it: only A-Z a-z 0-9 - _ . ~ stay literal, hex is upper case. */
export function awsUriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    // A malformed escape is signed by clients as the literal text they sent.
    return value;
  }
}

/**
 * Non-S3 services normalise the path (drop empty and "." segments, resolve "..") and then encode the
 * already-encoded wire form once more ("double encoding"), which is what the SDKs and botocore sign.
 */
export function canonicalPath(rawPath: string): string {
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  if (segments.length === 0) return '/';
  const trailing = rawPath.endsWith('/') ? '/' : '';
  return `/${segments.map(awsUriEncode).join('/')}${trailing}`;
}

/** Every query parameter except the signature itself, decoded, re-encoded strictly, sorted by key then value. */
export function canonicalQuery(rawQuery: string): string {
  const pairs: Array<[string, string]> = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = safeDecode(eq < 0 ? part : part.slice(0, eq));
    const value = safeDecode(eq < 0 ? '' : part.slice(eq + 1));
    if (key === 'X-Amz-Signature') continue;
    pairs.push([awsUriEncode(key), awsUriEncode(value)]);
  }
  pairs.sort(([ka, va], [kb, vb]) => (ka === kb ? compare(va, vb) : compare(ka, kb)));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `name:value\n` for each signed header, from node's rawHeaders (alternating name/value) so repeated
 * headers are joined with "," in arrival order; values trimmed with inner whitespace runs collapsed.
 */
export function canonicalHeaders(rawHeaders: readonly string[], signedHeaders: readonly string[]): string {
  const values = new Map<string, string[]>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? '').toLowerCase();
    const value = (rawHeaders[i + 1] ?? '').replace(/\s+/g, ' ').trim();
    const list = values.get(name);
    if (list) list.push(value);
    else values.set(name, [value]);
  }
  return signedHeaders.map((name) => `${name}:${(values.get(name) ?? []).join(',')}\n`).join('');
}

export interface CanonicalRequestParts {
  method: string;
  rawPath: string;
  rawQuery: string;
  rawHeaders: readonly string[];
  signedHeaders: readonly string[];
  body: Buffer;
}

export function canonicalRequest(parts: CanonicalRequestParts): string {
  return [
    parts.method.toUpperCase(),
    canonicalPath(parts.rawPath),
    canonicalQuery(parts.rawQuery),
    canonicalHeaders(parts.rawHeaders, parts.signedHeaders),
    parts.signedHeaders.join(';'),
    sha256Hex(parts.body),
  ].join('\n');
}

export function credentialScope(date: string, region: string, service: string): string {
  return `${date}/${region}/${service}/aws4_request`;
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return [SIGV4_ALGORITHM, amzDate, scope, sha256Hex(canonical)].join('\n');
}

export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  const kDate = hmac(`AWS4${secretAccessKey}`, date);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, 'aws4_request');
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}
