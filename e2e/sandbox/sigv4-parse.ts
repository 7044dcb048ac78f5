// Pulls the SigV4 pieces out of a request, in either form AWS accepts: the Authorization header, or
// a presigned query string (X-Amz-Signature …). Only syntax is checked here; meaning is checked later.
import { SIGV4_ALGORITHM } from './sigv4-canonical';

export interface SignatureParts {
  form: 'header' | 'query';
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
  /** ISO-8601 basic (YYYYMMDDTHHMMSSZ) as it enters the string to sign; null when none was sent. */
  amzDate: string | null;
  /** Text of the date as received, for error messages. */
  dateAsSent: string | null;
  expiresSeconds: number | null;
  securityToken: string | null;
}

export type SignatureParse =
  { kind: 'missing' } | { kind: 'malformed'; message: string } | { kind: 'parsed'; parts: SignatureParts };

export type HeaderLookup = (lowerCaseName: string) => string | undefined;

export function parseSignature(header: HeaderLookup, query: URLSearchParams): SignatureParse {
  const authorization = header('authorization');
  if (authorization !== undefined) return parseHeaderForm(authorization, header);
  if (query.has('X-Amz-Signature') || query.has('X-Amz-Algorithm') || query.has('X-Amz-Credential')) {
    return parseQueryForm(query);
  }
  return { kind: 'missing' };
}

function parseHeaderForm(authorization: string, header: HeaderLookup): SignatureParse {
  const trimmed = authorization.trim();
  const space = trimmed.indexOf(' ');
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  if (algorithm !== SIGV4_ALGORITHM) {
    return { kind: 'malformed', message: `Unsupported AWS 'algorithm': '${algorithm}'` };
  }
  const fields = new Map<string, string>();
  for (const piece of trimmed.slice(space + 1).split(',')) {
    const eq = piece.indexOf('=');
    if (eq > 0) fields.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim());
  }
  const amzHeader = header('x-amz-date');
  const dateHeader = header('date');
  const missing: string[] = [];
  for (const name of ['Credential', 'Signature', 'SignedHeaders']) {
    if (!fields.get(name)) missing.push(`Authorization header requires '${name}' parameter.`);
  }
  if (amzHeader === undefined && dateHeader === undefined) {
    missing.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  }
  if (missing.length > 0) return { kind: 'malformed', message: `${missing.join(' ')} Authorization=${trimmed}` };
  const dateAsSent = amzHeader ?? dateHeader ?? null;
  return withCredential(fields.get('Credential') ?? '', {
    form: 'header',
    signedHeaders: (fields.get('SignedHeaders') ?? '').split(';'),
    signature: fields.get('Signature') ?? '',
    amzDate: amzHeader !== undefined ? amzHeader : httpDateToBasic(dateHeader),
    dateAsSent,
    expiresSeconds: null,
    securityToken: header('x-amz-security-token') ?? null,
  });
}

function parseQueryForm(query: URLSearchParams): SignatureParse {
  const missing = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-SignedHeaders', 'X-Amz-Signature', 'X-Amz-Date']
    .filter((name) => !query.get(name))
    .map((name) => `AWS query-string parameters must include '${name}'.`);
  if (missing.length > 0)
    return { kind: 'malformed', message: `${missing.join(' ')} Re-examine the query-string parameters.` };
  if (query.get('X-Amz-Algorithm') !== SIGV4_ALGORITHM) {
    return { kind: 'malformed', message: `Unsupported AWS 'algorithm': '${query.get('X-Amz-Algorithm') ?? ''}'` };
  }
  const expires = query.get('X-Amz-Expires');
  return withCredential(query.get('X-Amz-Credential') ?? '', {
    form: 'query',
    signedHeaders: (query.get('X-Amz-SignedHeaders') ?? '').split(';'),
    signature: query.get('X-Amz-Signature') ?? '',
    amzDate: query.get('X-Amz-Date'),
    dateAsSent: query.get('X-Amz-Date'),
    expiresSeconds: expires === null ? null : Number(expires),
    securityToken: query.get('X-Amz-Security-Token'),
  });
}

type PartsWithoutScope = Omit<SignatureParts, 'accessKeyId' | 'scopeDate' | 'region' | 'service' | 'terminator'>;

function withCredential(credential: string, rest: PartsWithoutScope): SignatureParse {
  const pieces = credential.split('/');
  if (pieces.length !== 5 || pieces.some((p) => p === '')) {
    return {
      kind: 'malformed',
      message: `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
    };
  }
  const [accessKeyId = '', scopeDate = '', region = '', service = '', terminator = ''] = pieces;
  return { kind: 'parsed', parts: { ...rest, accessKeyId, scopeDate, region, service, terminator } };
}

/** A `Date:` header (RFC 7231) stands in for X-Amz-Date; the string to sign still uses ISO basic form. */
function httpDateToBasic(httpDate: string | undefined): string | null {
  if (httpDate === undefined) return null;
  const ms = Date.parse(httpDate);
  if (Number.isNaN(ms)) return httpDate;
  return toAmzDate(ms);
}

export function toAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Parses YYYYMMDDTHHMMSSZ; null when it is not in that form. */
export function parseAmzDate(amzDate: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  return Number.isNaN(ms) ? null : ms;
}
