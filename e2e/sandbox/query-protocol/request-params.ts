// Reading a Query-protocol request: the body (bounded, because this server is reachable by any local
// process) and the action parameters from the query string and/or the form-encoded body.
import type { IncomingMessage } from 'node:http';

const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buf.length;
    if (total > MAX_BODY_BYTES) throw new BodyTooLargeError('request body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Presigned-URL auth parameters are not action parameters; keep them out of the action's view. */
const AUTH_QUERY_PARAMS = new Set([
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
  'X-Amz-Security-Token',
]);

/**
 * Action parameters: query string first, then a form body on top (AWS accepts either; the SDK and CLI
 * POST a form, the docs' examples use GET). Values are form-decoded ('+' is a space), as AWS does.
 */
export function parseActionParams(
  rawQuery: string,
  body: Buffer,
  contentType: string | undefined,
): Map<string, string> {
  const params = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    if (!AUTH_QUERY_PARAMS.has(key)) params.set(key, value);
  }
  const isForm = contentType === undefined || contentType.toLowerCase().startsWith('application/x-www-form-urlencoded');
  if (isForm && body.length > 0) {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) params.set(key, value);
  }
  return params;
}

/** Splits a request target into its raw (still percent-encoded) path and query. */
export function splitTarget(target: string): { rawPath: string; rawQuery: string } {
  const q = target.indexOf('?');
  return q < 0 ? { rawPath: target, rawQuery: '' } : { rawPath: target.slice(0, q), rawQuery: target.slice(q + 1) };
}
