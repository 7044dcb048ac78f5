import type { Plugin } from 'vite';
import { RESPONSE_VALUE, replySchema, type ExtensionPageRequest } from '../src/shared/messages.ts';
import { checksModuleSource, describeSchema } from './compact-schema.ts';
import type { CompactCheck } from '../src/shared/compact-check.ts';

// `virtual:reply-checks`: every reply the popup can receive, described from the same valibot
// schemas the background answers with (src/shared/messages.ts), so the popup validates replies
// without shipping the validation library. See src/shared/compact-check.ts.
const MODULE = 'virtual:reply-checks';
const RESOLVED = `\0${MODULE}`;

export function replyChecks(): Record<ExtensionPageRequest['type'], CompactCheck> {
  const types = Object.keys(RESPONSE_VALUE) as ExtensionPageRequest['type'][];
  return Object.fromEntries(types.map((type) => [type, describeSchema(replySchema(type))])) as Record<
    ExtensionPageRequest['type'],
    CompactCheck
  >;
}

export function replyChecksModule(): Plugin {
  return {
    name: 'reply-checks',
    resolveId(source) {
      return source === MODULE ? RESOLVED : null;
    },
    load(id) {
      return id === RESOLVED ? checksModuleSource(replyChecks()) : null;
    },
  };
}
