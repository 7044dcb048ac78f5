import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packCrx } from '../build/crx-package';

// Self-hosting artifacts for Chrome/Edge ExtensionInstallForcelist: a CRX3 package signed with the
// extension's private key, and the update manifest (updates.xml) that points at it. Versioned from
// the built manifest, which the build takes from package.json.
//
//   npm run package:crx -- --key /secure/key.pem --codebase https://intranet.example/mfa-resync/
//
// The private key decides the extension id, and the id is what every policy is keyed on, so this
// never creates a key: signing with a key other than the one behind manifest.json `key` is refused.

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

async function main(): Promise<void> {
  const keyPath = argument('key') ?? process.env['CRX_PRIVATE_KEY'];
  const codebase = argument('codebase') ?? process.env['CRX_CODEBASE'];
  if (!keyPath || !codebase) {
    console.error(
      'usage: npm run package:crx -- --key <private key .pem> --codebase <https URL the .crx is served from>',
    );
    console.error('       (or CRX_PRIVATE_KEY / CRX_CODEBASE); see docs/admin.md');
    process.exit(2);
  }
  const packed = await packCrx({
    sourceDir: argument('source') ?? 'dist/chrome',
    keyPath,
    outDir: argument('out') ?? 'artifacts/release',
    codebase,
  });
  console.log(`extension id ${packed.id}, version ${packed.version}`);
  console.log(`  ${packed.crxPath}\n  ${packed.updatesXmlPath} → ${packed.crxUrl}`);
  console.log(`  ExtensionInstallForcelist entry: ${packed.id};<URL of updates.xml>`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
