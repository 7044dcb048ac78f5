import { isPartition, type Partition } from './partitions';
import { validateSerialNumber, validateUserName } from './resync-validation';

// "Ask an admin": what a locked-out user hands to a helpdesk so the admin can resync their device.
// It names the device (partition, account, IAM user, serial if known) and may carry two codes with
// the time they were read; there is no field for a password or a key, and the strict schema
// (admin-request-schema.ts) refuses any extra field. It travels as one token,
// `mfa-resync-request=<base64url JSON>`, in a pasted text or in the URL fragment of a link (a
// fragment never reaches a server).

export const ADMIN_REQUEST_VERSION = 1;
/** The token's marker; the same in a pasted text and in a link's fragment. */
export const REQUEST_MARKER = 'mfa-resync-request=';
const TOKEN = /mfa-resync-request=([A-Za-z0-9_-]*)/g;
const MAX_TEXT = 10_000;
const MAX_TOKEN = 4_000;

export interface AdminRequest {
  partition: Partition;
  account: string;
  userName: string;
  serialNumber?: string;
  codes?: { code1: string; code2: string; readAt: number };
}

type Fields = Record<string, unknown>;
const isRecord = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const hasOnly = (value: Fields, keys: readonly string[]) => Object.keys(value).every((key) => keys.includes(key));
const isText = (value: unknown, pattern: RegExp): value is string => typeof value === 'string' && pattern.test(value);
const NO_SPACE = /^\S+$/;
const SIX_DIGITS = /^[0-9]{6}$/;

function isCodePair(value: unknown): boolean {
  if (!isRecord(value) || !hasOnly(value, ['code1', 'code2', 'readAt'])) return false;
  const { code1, code2, readAt } = value;
  return (
    isText(code1, SIX_DIGITS) &&
    isText(code2, SIX_DIGITS) &&
    code1 !== code2 &&
    Number.isInteger(readAt) &&
    (readAt as number) >= 0
  );
}

/** The fields of a request as admin-request-schema.ts defines them (held to it by a fuzz test). */
export function isAdminRequest(value: unknown, extraKeys: readonly string[] = []): value is AdminRequest {
  if (!isRecord(value) || !hasOnly(value, ['partition', 'account', 'userName', 'serialNumber', 'codes', ...extraKeys]))
    return false;
  const { partition, account, userName, serialNumber, codes } = value;
  return (
    typeof partition === 'string' &&
    isPartition(partition) &&
    isText(account, /^\d{12}$/) &&
    isText(userName, NO_SPACE) &&
    validateUserName(userName) === null &&
    (serialNumber === undefined || (isText(serialNumber, NO_SPACE) && validateSerialNumber(serialNumber) === null)) &&
    (codes === undefined || isCodePair(codes))
  );
}

/** The whole envelope: version 1, the fields, the checksum (see AdminRequestEnvelope). */
export function isAdminRequestEnvelope(value: unknown): value is AdminRequest & { v: 1; sum: string } {
  return (
    isRecord(value) &&
    value['v'] === ADMIN_REQUEST_VERSION &&
    isText(value['sum'], /^[0-9a-f]{8}$/) &&
    isAdminRequest(value, ['v', 'sum'])
  );
}

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
  if (!isAdminRequest(fields)) return undefined;
  const request = fields;
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
  if (!isAdminRequestEnvelope(raw)) return { ok: false, problem: 'malformed' };
  const { v: _version, sum, ...request } = raw;
  return checksum(request) === sum ? { ok: true, request } : { ok: false, problem: 'altered' };
}
