import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromeExtensionId } from '../../build/crx-package';

// A copy of the sandbox build under an extension id of its own, for the policy tests. Policy files
// are machine-wide and keyed by extension id: with the real id, a policy written here (say, an
// allowlist without the sandbox account) would also reach every other e2e run's browser on this
// machine. The copy differs from the build only in the id (manifest `key` / gecko id).

/** One per test process, so concurrent runs' entries in the one policies.json never collide. */
export const POLICY_TEST_GECKO_ID = `mfa-resync-policy-e2e-${process.pid}@mfa-resync.dev`;

export interface PolicyTestBuild {
  dir: string;
  extensionId: string;
  /** Chromium only: the PEM private key behind the id, for packing a CRX. */
  keyPath?: string;
  remove(): void;
}

function copyBuild(sourceDir: string): { dir: string; root: string; manifest: Record<string, unknown> } {
  const root = mkdtempSync(join(tmpdir(), 'mfa-policy-build-'));
  const dir = join(root, 'extension');
  cpSync(sourceDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  return { dir, root, manifest };
}

/** Chromium: a fresh RSA key pair (the id is derived from its public key, as for a real key). */
export function chromiumPolicyBuild(sourceDir: string): PolicyTestBuild {
  const { dir, root, manifest } = copyBuild(sourceDir);
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, key: der.toString('base64') }));
  const keyPath = join(root, 'key.pem');
  writeFileSync(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return {
    dir,
    extensionId: chromeExtensionId(der),
    keyPath,
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function firefoxPolicyBuild(sourceDir: string): PolicyTestBuild {
  const { dir, root, manifest } = copyBuild(sourceDir);
  const settings = manifest['browser_specific_settings'] as { gecko: Record<string, unknown> };
  const patched = {
    ...manifest,
    browser_specific_settings: { ...settings, gecko: { ...settings.gecko, id: POLICY_TEST_GECKO_ID } },
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(patched));
  return { dir, extensionId: POLICY_TEST_GECKO_ID, remove: () => rmSync(root, { recursive: true, force: true }) };
}
