import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';

// Real enterprise policy files, where the browsers read them. Both places are machine-wide (CI
// runs as root; other test runs may share the machine), so:
// - Chromium gets a file of this run's own in its policy directory (Chromium merges them all);
// - Firefox has one policies.json: this run adds its extension's entry to whatever is there and
//   takes only that entry out again (an admin's or another run's policies stay);
// - everything is undone by remove() from the test's afterAll, or by an exit hook if the test
//   process dies first; directories created here go too, once empty.

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';
export const FIREFOX_POLICY_FILE = '/etc/firefox/policies/policies.json';

type Json = Record<string, unknown>;

export interface PolicyFile {
  /** Rewrites this run's part (Chromium notices within seconds; Firefox only at its next start). */
  update(content: Json): void;
  remove(): void;
}

function writeJson(path: string, content: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  // Written aside, then renamed: a browser reading the directory never sees half a file.
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o644 });
  renameSync(temp, path);
}

/** The directories mkdir -p would create for `dir`, deepest first, so they can go again. */
function missingDirectories(dir: string): string[] {
  const missing: string[] = [];
  for (let current = dir; !existsSync(current); current = dirname(current)) missing.push(current);
  return missing;
}

function managedFile(path: string, write: (content: Json) => void, erase: () => void, content: Json): PolicyFile {
  const created = missingDirectories(dirname(path));
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    process.removeListener('exit', remove);
    erase();
    for (const dir of created) {
      if (existsSync(dir) && readdirSync(dir).length === 0) rmdirSync(dir);
    }
  };
  process.once('exit', remove);
  write(content);
  return { update: write, remove };
}

/**
 * A Chromium policy file of this run's own: `{"3rdparty": {"extensions": {<id>: policy}}}` and/or
 * browser policies. `name` keeps two files of one run apart.
 */
export function writeChromiumPolicy(content: Json, name: string): PolicyFile {
  const path = join(CHROMIUM_POLICY_DIR, `mfa-resync-e2e-${process.pid}-${name}.json`);
  return managedFile(
    path,
    (next) => writeJson(path, next),
    () => rmSync(path, { force: true }),
    content,
  );
}

export function chromiumExtensionPolicy(extensionId: string, policy: Json): Json {
  return { '3rdparty': { extensions: { [extensionId]: policy } } };
}

export function writeChromiumExtensionPolicy(extensionId: string, policy: Json, name: string): PolicyFile {
  const file = writeChromiumPolicy(chromiumExtensionPolicy(extensionId, policy), name);
  return { update: (next) => file.update(chromiumExtensionPolicy(extensionId, next)), remove: file.remove };
}

function objectAt(parent: Json, key: string): Json {
  const value = parent[key];
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
  const created: Json = {};
  parent[key] = created;
  return created;
}

/** policies.json as it is now; refuses to touch a file it cannot parse rather than replace it. */
function readFirefoxPolicies(): Json {
  if (!existsSync(FIREFOX_POLICY_FILE)) return {};
  return JSON.parse(readFileSync(FIREFOX_POLICY_FILE, 'utf8')) as Json;
}

/** Firefox: `{"policies": {"3rdparty": {"Extensions": {<gecko id>: policy}}}}`, read at startup. */
export function writeFirefoxExtensionPolicy(geckoId: string, policy: Json): PolicyFile {
  const extensions = (file: Json) => objectAt(objectAt(objectAt(file, 'policies'), '3rdparty'), 'Extensions');
  const write = (next: Json) => {
    const file = readFirefoxPolicies();
    extensions(file)[geckoId] = next;
    writeJson(FIREFOX_POLICY_FILE, file);
  };
  const erase = () => {
    if (!existsSync(FIREFOX_POLICY_FILE)) return;
    const file = readFirefoxPolicies();
    delete extensions(file)[geckoId];
    const policies = objectAt(file, 'policies');
    if (Object.keys(extensions(file)).length === 0) delete objectAt(policies, '3rdparty')['Extensions'];
    if (Object.keys(objectAt(policies, '3rdparty')).length === 0) delete policies['3rdparty'];
    const empty = Object.keys(policies).length === 0 && Object.keys(file).length === 1;
    if (empty) rmSync(FIREFOX_POLICY_FILE, { force: true });
    else writeJson(FIREFOX_POLICY_FILE, file);
  };
  return managedFile(FIREFOX_POLICY_FILE, write, erase, policy);
}
