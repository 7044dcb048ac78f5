// Build-time constants injected by vite.config.ts (`define`).
declare const __SANDBOX_BUILD__: boolean;
declare const __TARGET_BROWSER__: 'chrome' | 'firefox';
