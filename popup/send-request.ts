import { checks } from 'virtual:reply-checks';
import { ext } from '../src/shared/browser';
import { compactCheck } from '../src/shared/compact-check';
import type { ExtensionPageRequest, Reply, ResponseValue } from '../src/shared/messages';

/**
 * Sends one typed request to the background and validates the reply against the schema the
 * background answers with (in its compact build-time form, see src/shared/compact-check.ts).
 * A reply that does not match is treated as a failure, not trusted.
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
  if (!compactCheck(checks[request.type], raw))
    return { ok: false, error: { code: 'Unknown', detail: 'malformed reply' } };
  return raw as Reply<ResponseValue<T>>;
}
