import { configDefaults, defineConfig } from 'vitest/config';
import { replyChecksModule } from './build/reply-checks-plugin.ts';

const E2E = { environment: 'node', testTimeout: 90_000, hookTimeout: 90_000 } as const;
const POLICY_E2E = 'e2e/policy.*.e2e.ts';

// Fast unit tests (pure modules, the sandbox server), one file at a time, and real-browser e2e tests
// that drive the built extension, two files at a time (each launches its own browser); the policy e2e files run alone,
// after them, as project e2e-policy (`npm run test:e2e` and `npm test` run both).
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
          // One worker (vitest's default on 2 cores): two made the CPU-bound tests (fuzzing with
          // 5 s timeouts, a parse-time assertion, the release builds) time out on a loaded machine.
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          exclude: [...configDefaults.exclude, POLICY_E2E],
          ...E2E,
          // Two files at a time: a browser test mostly waits (on the browser, the sandbox, a timer),
          // so two browsers share this 2-core machine's CPU well. Each file has its own browser,
          // profile, sandbox and fixture servers (port 0) and temp directories.
          maxWorkers: 2,
        },
      },
      {
        test: {
          // The enterprise-policy tests write machine-wide policy files (a force-install list that any
          // Chromium starting meanwhile would read): alone, after the other e2e files.
          name: 'e2e-policy',
          include: [POLICY_E2E],
          ...E2E,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
