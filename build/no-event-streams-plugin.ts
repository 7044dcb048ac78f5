import type { Plugin } from 'vite';

// IAM and STS have no event-stream operations, but the SDK's HttpProtocol keeps a lazy
// `import('@smithy/core/event-streams')` that pulls ~14 KB (4.5 KB gzip) of event-stream and
// CRC32 code into the package. The extension resolves it to a stub that fails loudly if it were
// ever reached, instead of shipping code that can never run.
const EVENT_STREAMS = '@smithy/core/event-streams';
const STUB_ID = '\0no-event-streams';

export function noEventStreams(): Plugin {
  return {
    name: 'no-event-streams',
    enforce: 'pre',
    resolveId(source) {
      return source === EVENT_STREAMS ? STUB_ID : null;
    },
    load(id) {
      if (id !== STUB_ID) return null;
      return [
        'const unsupported = () => { throw new Error("event streams are not used by IAM/STS"); };',
        'export class EventStreamSerde { constructor() { unsupported(); } }',
        'export const eventStreamSerdeProvider = unsupported;',
      ].join('\n');
    },
  };
}
