import type { Plugin } from 'vite';

// SDK fallbacks that the extension's own configuration makes unreachable, each replaced by a stub
// that throws (so a future SDK or config change that does reach one fails loudly in the e2e tests
// instead of silently behaving differently). Like no-event-streams-plugin.ts, but for whole modules
// the SDK imports statically.
export const STUBS: Array<{ module: RegExp; code: string }> = [
  {
    // Built only for retryMode "adaptive"; background/aws-clients.ts sets retryMode "standard" on every
    // client (the SDK's own default), so this and its client-side rate limiter (~3.4 KB) never run.
    module: /[\\/]@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]retry[\\/]util-retry[\\/]AdaptiveRetryStrategy\.js$/,
    code: unsupported('AdaptiveRetryStrategy', 'adaptive retry is not used (retryMode is "standard")'),
  },
  {
    // The pure-JS SHA-256 is what Sha256WebCrypto falls back to without crypto.subtle (always present
    // in an extension's worker or event page: a secure context; the vault depends on it too) or past
    // 8 MB of one request body (IAM/STS query bodies are a few hundred bytes). ~3.4 KB never run.
    module: /[\\/]@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]checksum[\\/]sha256[\\/]Sha256Js\.js$/,
    code: unsupported('Sha256Js', 'SHA-256 without crypto.subtle is not supported'),
  },
];

function unsupported(exportName: string, reason: string): string {
  return `export class ${exportName} { constructor() { throw new Error(${JSON.stringify(reason)}); } }\n`;
}

export function unreachableSdkFallbacks(): Plugin {
  return {
    name: 'unreachable-sdk-fallbacks',
    enforce: 'pre',
    load(id) {
      return STUBS.find((stub) => stub.module.test(id))?.code ?? null;
    },
  };
}
