import * as v from 'valibot';
import { ext } from '../src/shared/browser';
import { replySchema, type ExtensionPageRequest, type Reply, type ResponseValue } from '../src/shared/messages';

/**
 * Sends one typed request to the background and validates the reply against the same schema the
 * background answers with. A reply that does not match is treated as a failure, not trusted.
 */
export async function sendRequest<T extends ExtensionPageRequest['type']>(
  request: Extract<ExtensionPageRequest, { type: T }>,
): Promise<Reply<ResponseValue<T>>> {
  let raw: unknown;
  try {
    raw = await ext.runtime.sendMessage(request);
  } catch {
    return { ok: false, error: { code: 'BackgroundUnavailable' } };
  }
  const parsed = v.safeParse(replySchema(request.type as T), raw);
  if (!parsed.success) return { ok: false, error: { code: 'Unknown', detail: 'malformed reply' } };
  return parsed.output as Reply<ResponseValue<T>>;
}
