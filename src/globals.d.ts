// Build-time constants injected by vite.config.ts (`define`).
declare const __SANDBOX_BUILD__: boolean;
declare const __TARGET_BROWSER__: 'chrome' | 'firefox';

// Generated at build time by build/reply-checks-plugin.ts from the reply schemas in messages.ts.
declare module 'virtual:reply-checks' {
  import type { CompactCheck } from './shared/compact-check';
  import type { ExtensionPageRequest } from './shared/messages';
  export const checks: Record<ExtensionPageRequest['type'], CompactCheck>;
}
