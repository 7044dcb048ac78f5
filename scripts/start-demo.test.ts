import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm start` exactly as the README gives it, on a machine without a display: it builds, starts
// the sandbox and walks the resync headless. It broke once unnoticed (a helper the page context
// lacked), because nothing ran it; here the whole walk must end in a resync the sandbox accepts.
// A unit test, not e2e: it rebuilds dist/chrome-sandbox, which e2e files running beside it load.

const ROOT = resolve(import.meta.dirname, '..');
const SCREENSHOTS = ['1-locked', '2-devices', '3-codes', '4-success'].map((step) =>
  join(ROOT, 'artifacts', `demo-${step}.png`),
);

function npmStart(): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const env: NodeJS.ProcessEnv = { ...process.env, SANDBOX_PORT: '0' };
    delete env.DISPLAY;
    const child = spawn('npm', ['start', '--', '--headless'], { cwd: ROOT, env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => done({ code, output }));
  });
}

describe('npm start without a display', () => {
  it('walks the demo resync to the end and the phone’s next code then signs in', async () => {
    for (const file of SCREENSHOTS) rmSync(file, { force: true });
    const { code, output } = await npmStart();
    expect(output).toContain('Paste this into the extension popup');
    expect(output).toContain('sign-in accepts it: false');
    expect(output).toContain("resynced; sign-in accepts the phone's next code: true");
    expect(code, output).toBe(0);
    expect(SCREENSHOTS.filter((file) => !existsSync(file))).toEqual([]);
  }, 180_000);
});
