import { defineConfig } from 'vitest/config';

// The unit tests that cover the mutation scope (src/shared/ and background/), for StrykerJS
// (stryker.config.json). A plain config, not the projects of vitest.config.ts: Stryker's vitest
// runner runs every test file it is given for each mutant, so popup, build and sandbox tests that
// cannot kill a mutant in this scope stay out and keep the run short on a 2-core machine.
export default defineConfig({
  test: {
    include: [
      'src/shared/**/*.test.ts',
      'background/**/*.test.ts',
      // The fuzz test that holds src/shared/compact-check.ts (the popup's reply check) to valibot.
      'build/compact-schema.test.ts',
    ],
    exclude: [
      // Reads the built dist/ (manifests, bundles), which a mutant of the source does not change.
      'src/shared/manifest-security.test.ts',
      // Reads the router's source text, which Stryker rewrites (instrumented) in its sandbox.
      'background/protocol-doc.test.ts',
    ],
    environment: 'node',
    // A test file that cannot load counts as a failed test (src/test-kit/load-failure-reporter.ts).
    reporters: ['default', './src/test-kit/load-failure-reporter.ts'],
  },
});
