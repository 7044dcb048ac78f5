import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createVitest } from 'vitest/node';
import type { RunnerTask } from 'vitest';

// What StrykerJS's vitest runner reads after a run (every test task of every file, and its state),
// from a real vitest run with the reporter: a file whose import throws must show a failed test.

const dir = mkdtempSync(join(tmpdir(), 'load-failure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(join(dir, 'broken.ts'), "throw new Error('module refused to load');\nexport const value = 1;\n");
writeFileSync(
  join(dir, 'broken.test.ts'),
  "import { it, expect } from 'vitest';\nimport { value } from './broken';\nit('reads the value', () => expect(value).toBe(1));\n",
);
writeFileSync(
  join(dir, 'fine.test.ts'),
  "import { it, expect } from 'vitest';\nit('passes', () => expect(1).toBe(1));\n",
);

const testsOf = (task: RunnerTask): RunnerTask[] =>
  task.type === 'suite' ? task.tasks.flatMap(testsOf) : task.type === 'test' ? [task] : [];

describe('load failure reporter', () => {
  it('gives each test file a "loads" test: failed with the load error, or passed beside the file’s own tests', async () => {
    const vitest = await createVitest(
      'test',
      {
        root: dir,
        config: false,
        watch: false,
        reporters: [resolve(import.meta.dirname, 'load-failure-reporter.ts')],
      },
      {},
    );
    try {
      await vitest.start();
      const byName = new Map(vitest.state.getFiles().map((file) => [file.name, testsOf(file)]));
      const broken = byName.get('broken.test.ts') ?? [];
      expect(broken.map((test) => [test.name, test.result?.state])).toEqual([['loads', 'fail']]);
      expect(broken[0]?.result?.errors?.[0]?.message).toContain('module refused to load');
      expect((byName.get('fine.test.ts') ?? []).map((test) => [test.name, test.result?.state])).toEqual([
        ['passes', 'pass'],
        ['loads', 'pass'],
      ]);
    } finally {
      await vitest.close();
    }
  }, 60_000);
});
