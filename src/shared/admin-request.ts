import * as v from 'valibot';
import { PARTITIONS } from './partitions';
import { validateSerialNumber, validateUserName } from './resync-validation';

// "Ask an admin": what a locked-out user hands to a helpdesk so the admin can resync their device.
// It names the device (partition, account, IAM user, serial if known) and may carry two codes with
// the time they were read; there is no field for a password or a key, and a strict schema refuses
// any extra field. It travels as one token, `mfa-resync-request=<base64url JSON>`, in a pasted text
// or in the URL fragment of a link (a fragment never reaches a server).

export const ADMIN_REQUEST_VERSION = 1;
/** The token's marker; the same in a pasted text and in a link's fragment. */
export const REQUEST_MARKER = 'mfa-resync-request=';
const TOKEN = /mfa-resync-request=([A-Za-z0-9_-]*)/g;
const MAX_TEXT = 10_000;
const MAX_TOKEN = 4_000;

const valid = (check: (value: string) => string | null) => v.check<string>((value) => check(value) === null);
const matches = (pattern: RegExp) => v.check<string>((value) => pattern.test(value));
const SIX_DIGITS = v.pipe(v.string(), matches(/^[0-9]{6}$/));
const CodePair = v.pipe(
  v.strictObject({
    code1: SIX_DIGITS,
    code2: SIX_DIGITS,
    /** When the user read the second code (ms since 1970). */
    readAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  v.check((pair) => pair.code1 !== pair.code2),
);

/** What an admin request holds, without its version and checksum. */
export const AdminRequestFields = v.strictObject({
  partition: v.picklist(PARTITIONS),
  account: v.pipe(v.string(), matches(/^\d{12}$/)),
  // The validators trim; a request carries the names exactly, so surrounding spaces are refused.
  userName: v.pipe(v.string(), valid(validateUserName), matches(/^\S+$/)),
  serialNumber: v.optional(v.pipe(v.string(), valid(validateSerialNumber), matches(/^\S+$/))),
  codes: v.optional(CodePair),
});
export type AdminRequest = v.InferOutput<typeof AdminRequestFields>;

const Envelope = v.strictObject({
  v: v.literal(ADMIN_REQUEST_VERSION),
  ...AdminRequestFields.entries,
  /** FNV-1a of the fields: catches a request altered on its way (not a signature: IAM decides). */
  sum: v.pipe(v.string(), matches(/^[0-9a-f]{8}$/)),
});

export type AdminRequestProblem = 'not-found' | 'malformed' | 'future-version' | 'altered';
export type ParsedAdminRequest = { ok: true; request: AdminRequest } | { ok: false; problem: AdminRequestProblem };

/** The fields in one fixed order, so the checksum does not depend on how JSON orders keys. */
function checksum(request: AdminRequest): string {
  const { partition, account, userName, serialNumber, codes } = request;
  const text = JSON.stringify([partition, account, userName, serialNumber ?? null, codes ?? null]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function toBase64Url(text: string): string {
  const binary = String.fromCharCode(...new TextEncoder().encode(text));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(token: string): string {
  const binary = atob(token.replaceAll('-', '+').replaceAll('_', '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The request as its token (`mfa-resync-request=…`); undefined for fields the schema refuses. */
export function encodeAdminRequest(fields: AdminRequest): string | undefined {
  const checked = v.safeParse(AdminRequestFields, fields);
  if (!checked.success) return undefined;
  const request = checked.output;
  const { codes, serialNumber, ...rest } = request;
  const envelope = {
    v: ADMIN_REQUEST_VERSION,
    ...rest,
    ...(serialNumber ? { serialNumber } : {}),
    ...(codes ? { codes } : {}),
    sum: checksum(request),
  };
  return REQUEST_MARKER + toBase64Url(JSON.stringify(envelope));
}

/**
 * Finds and parses the one request in a pasted text or link. Anything unexpected is refused as a
 * whole, so nothing is prefilled from a request that is malformed, altered or from a newer version.
 */
export function parseAdminRequest(text: string): ParsedAdminRequest {
  if (text.length > MAX_TEXT) return { ok: false, problem: 'malformed' };
  const tokens = new Set([...text.matchAll(TOKEN)].map((match) => match[1] ?? ''));
  if (tokens.size === 0) return { ok: false, problem: 'not-found' };
  const [token = ''] = tokens;
  if (tokens.size > 1 || token === '' || token.length > MAX_TOKEN) return { ok: false, problem: 'malformed' };
  let raw: unknown;
  try {
    raw = JSON.parse(fromBase64Url(token));
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  const version = (raw as { v?: unknown } | null)?.v;
  if (typeof version === 'number' && Number.isInteger(version) && version > ADMIN_REQUEST_VERSION) {
    return { ok: false, problem: 'future-version' };
  }
  const parsed = v.safeParse(Envelope, raw);
  if (!parsed.success) return { ok: false, problem: 'malformed' };
  const { v: _version, sum, ...request } = parsed.output;
  return checksum(request) === sum ? { ok: true, request } : { ok: false, problem: 'altered' };
}
