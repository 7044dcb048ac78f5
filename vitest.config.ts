import { defineConfig } from 'vitest/config';
import { replyChecksModule } from './build/reply-checks-plugin.ts';

// Two projects: fast unit tests (pure modules, the sandbox server) and real-browser e2e tests that
// drive the built extension; e2e runs files one at a time because each launches a browser.
export default defineConfig({
  test: {
    projects: [
      {
        // The popup's reply checks are a build-time module; a component test that loads the
        // on-demand views (some send requests) resolves the same one the build does.
        plugins: [replyChecksModule()],
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.ts',
            'src/**/*.test.tsx',
            'background/**/*.test.ts',
            'popup/**/*.test.tsx',
            'popup/**/*.test.ts',
            'e2e/sandbox/**/*.test.ts',
            'options/**/*.test.ts',
            'options/**/*.test.tsx',
            'bench/**/*.test.ts',
            'build/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
