// The secret scan every e2e scenario can run after a test: given the secrets and MFA codes the test
// handed to the extension, it looks everywhere a user, another page, a screenshot or a log could see
// them, and reports each hit by label ("bob secret key in storage.local"), never by value, so a
// failing test does not print the secret it found.
//
// Surfaces: storage.local and storage.sync (never a secret); storage.session (credentials live there
// while unlocked, but a code never does: only a fingerprint of the pair); every page the test still
// holds (extension pages and web pages: the DOM, live input values, the URL); the URL of every open
// extension view (the popup and extension tabs, also those the test did not open itself); a fresh
// popup's DOM; and every console line of every extension context the driver collects.
// Not covered, because the drivers cannot read them: the text of OS notifications, and the URLs of
// web tabs the test holds no handle for.
import type { ExtensionDriver, ExtensionPage } from './driver';
import { openLockedPopup } from './popup-flow';

export interface SecretScanOptions {
  /** Pages the test still holds open: their DOM, input values and URL are searched. */
  pages?: readonly ExtensionPage[];
  /** Also open a fresh popup and search what it shows (default true). Unlocked, it lists devices. */
  freshPopup?: boolean;
  /**
   * Search input values of `pages` for codes too (default true). Turn off for a popup that keeps
   * the codes on purpose after an error IAM never checked them for (catalog keepCodes).
   */
  codesInInputs?: boolean;
  /**
   * Lock the vault first (through a popup), then also require storage.session to hold no
   * credential: proves Lock really forgets them.
   */
  lockFirst?: boolean;
}

/** Labelled secrets: credentials (key ids, secret keys, tokens) and six-digit MFA codes. */
export class SecretSet {
  private readonly credentials = new Map<string, string>();
  private readonly codes = new Map<string, string>();

  /** A credential value; ignored when empty (e.g. no session token). */
  addCredential(label: string, value: string | undefined): this {
    if (value) this.credentials.set(value, label);
    return this;
  }

  addCredentials(label: string, creds: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }): this {
    return this.addCredential(`${label} access key id`, creds.accessKeyId)
      .addCredential(`${label} secret access key`, creds.secretAccessKey)
      .addCredential(`${label} session token`, creds.sessionToken);
  }

  addCodes(label: string, ...codes: string[]): this {
    codes.forEach((code, i) => this.codes.set(code, `${label} code ${i + 1}`));
    return this;
  }

  get size(): number {
    return this.credentials.size + this.codes.size;
  }

  /** Labels of the secrets in `text`. A code counts only as a whole number, not inside a longer one. */
  findIn(text: string, kinds: { credentials: boolean; codes: boolean } = { credentials: true, codes: true }): string[] {
    const found: string[] = [];
    if (kinds.credentials) for (const [value, label] of this.credentials) if (text.includes(value)) found.push(label);
    if (kinds.codes) {
      for (const [code, label] of this.codes) {
        if (new RegExp(`(?<!\\d)${code.replace(/\D/g, '')}(?!\\d)`).test(text)) found.push(label);
      }
    }
    return found;
  }
}

interface PageSnapshot {
  url: string;
  markup: string;
  values: string;
}

/** What a person could read off a page: markup (shadow roots left closed) and live field values. */
function snapshot(page: ExtensionPage): Promise<PageSnapshot> {
  return page.evaluate(() => ({
    url: location.href,
    markup: document.documentElement.outerHTML,
    values: [...document.querySelectorAll('input, textarea, select')]
      .map((el) => (el as HTMLInputElement).value)
      .join('\n'),
  }));
}

/** Every place a secret of `secrets` was found, as "where: label"; empty when clean. */
export async function scanForSecrets(
  driver: ExtensionDriver,
  secrets: SecretSet,
  options: SecretScanOptions = {},
): Promise<string[]> {
  const leaks: string[] = [];
  const all = { credentials: true, codes: true };
  const check = (where: string, text: string, kinds = all) =>
    leaks.push(...secrets.findIn(text, kinds).map((label) => `${where}: ${label}`));

  if (options.lockFirst) await (await openLockedPopup(driver)).close();
  check('storage.local', JSON.stringify(await driver.readStorage('local')));
  check('storage.sync', JSON.stringify(await driver.readStorage('sync')));
  check('storage.session', JSON.stringify(await driver.readStorage('session')), {
    credentials: options.lockFirst === true,
    codes: true,
  });

  const pages = [...(options.pages ?? [])];
  const fresh = options.freshPopup === false ? undefined : await driver.openPage('popup/index.html');
  if (fresh) {
    // Let it ask the background for its status (and devices) before reading it.
    await new Promise((done) => setTimeout(done, 500));
  }
  for (const [i, page] of [...pages, ...(fresh ? [fresh] : [])].entries()) {
    const name = page === fresh ? 'fresh popup' : `page ${i + 1}`;
    let seen: PageSnapshot;
    try {
      seen = await snapshot(page);
    } catch {
      continue; // closed by the test (or navigated away mid-read): nothing left to see
    }
    check(`${name} URL`, seen.url);
    check(`${name} DOM`, seen.markup);
    check(`${name} input values`, seen.values, { credentials: true, codes: options.codesInInputs !== false });
  }
  await fresh?.close();

  for (const view of await driver.extensionViews()) check(`open ${view.kind} URL`, view.url);
  check('console', driver.consoleLines().join('\n'));
  return leaks;
}

/** Fails with the labels (never the values) of every secret found. */
export async function expectNoSecretsLeaked(
  driver: ExtensionDriver,
  secrets: SecretSet,
  options: SecretScanOptions = {},
): Promise<void> {
  if (secrets.size === 0) throw new Error('secret scan: no secrets given, so it would prove nothing');
  const leaks = await scanForSecrets(driver, secrets, options);
  if (leaks.length > 0) throw new Error(`secrets leaked:\n  ${leaks.join('\n  ')}`);
}
