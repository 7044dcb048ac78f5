import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// What makes a README screenshot the same on every run and every machine, whichever fonts the
// machine has: the browser sees only Debian's fonts-dejavu-core (through its own fontconfig file,
// so the installed browser and what users get stay as they are), renders them the same way, runs
// in UTC and with reduced motion. The drivers apply it when launched with `fixedRendering`.

/** The Debian package, and the files of it the browser gets (all of fonts-dejavu-core's faces). */
export const FIXED_FONT_PACKAGE = 'fonts-dejavu-core';
const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
const FONT_FILES = [
  'DejaVuSans.ttf',
  'DejaVuSans-Bold.ttf',
  'DejaVuSansMono.ttf',
  'DejaVuSansMono-Bold.ttf',
  'DejaVuSerif.ttf',
  'DejaVuSerif-Bold.ttf',
];

// The popup asks for system-ui and ui-monospace; every generic family maps to one DejaVu face, and
// the rendering options that fontconfig would otherwise take from the desktop are pinned.
const FAMILIES: Record<string, string> = {
  'system-ui': 'DejaVu Sans',
  'sans-serif': 'DejaVu Sans',
  'ui-sans-serif': 'DejaVu Sans',
  serif: 'DejaVu Serif',
  'ui-serif': 'DejaVu Serif',
  monospace: 'DejaVu Sans Mono',
  'ui-monospace': 'DejaVu Sans Mono',
};

function fontsConf(dir: string): string {
  const aliases = Object.entries(FAMILIES)
    .map(
      ([generic, face]) =>
        `  <alias binding="strong"><family>${generic}</family><prefer><family>${face}</family></prefer></alias>`,
    )
    .join('\n');
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>${dir}</dir>
  <cachedir>${join(dir, 'cache')}</cachedir>
${aliases}
  <match target="font">
    <edit name="antialias" mode="assign"><bool>true</bool></edit>
    <edit name="hinting" mode="assign"><bool>true</bool></edit>
    <edit name="hintstyle" mode="assign"><const>hintslight</const></edit>
    <edit name="rgba" mode="assign"><const>none</const></edit>
    <edit name="lcdfilter" mode="assign"><const>lcddefault</const></edit>
    <edit name="embeddedbitmap" mode="assign"><bool>false</bool></edit>
  </match>
</fontconfig>
`;
}

let configFile: string | undefined;

/** A fontconfig file that offers the browser only the fixed fonts (made once per test process). */
function fixedFontsConfig(): string {
  if (configFile) return configFile;
  const missing = FONT_FILES.filter((file) => !existsSync(join(FONT_DIR, file)));
  if (missing.length > 0) {
    throw new Error(
      `README screenshots need ${FIXED_FONT_PACKAGE} (${missing.join(', ')} missing): run  sudo apt-get install -y ${FIXED_FONT_PACKAGE}`,
    );
  }
  // Links to exactly these files: a <dir> of the system folder would also offer what other
  // packages (fonts-dejavu-extra) put there, which differs between machines.
  const dir = mkdtempSync(join(tmpdir(), 'mfa-e2e-fonts-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  for (const file of FONT_FILES) symlinkSync(join(FONT_DIR, file), join(dir, file));
  configFile = join(dir, 'fonts.conf');
  writeFileSync(configFile, fontsConf(dir));
  return configFile;
}

/** The environment of a browser launched for screenshots. */
export function fixedRenderingEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  return { ...env, FONTCONFIG_FILE: fixedFontsConfig(), TZ: 'UTC', LANG: 'en_US.UTF-8' };
}

/**
 * Chromium's side of it (besides Playwright's reducedMotion, timezoneId, locale): every frame
 * rasterized whole on the CPU. With GPU and partial raster a repaint of part of a tile re-draws the
 * antialiased corner of a focus ring a shade differently (measured: one pixel row of the code field's
 * ring between two captures 2 s apart).
 */
export const FIXED_RENDERING_CHROMIUM_ARGS = ['--disable-gpu-rasterization', '--disable-partial-raster'];

/** Firefox's side of it: reduced motion and a caret that does not blink. */
export const FIXED_RENDERING_FIREFOX_PREFS = {
  'ui.prefersReducedMotion': 1,
  'ui.caretBlinkTime': 0,
  // Smooth scrolling animates scrollIntoView, which a screenshot could catch halfway.
  'general.smoothScroll': false,
};

/**
 * Runs in the page before a capture: waits for its fonts, for the DOM to stop changing for 300 ms
 * (a view the popup loads on demand, such as Copy as AWS CLI, arrives a moment after the rest:
 * under load a capture caught the page without it) and for every running animation or transition
 * to end (none should run with reduced motion; this catches a new one), each at most 3 s.
 */
export async function settledFrame(): Promise<void> {
  const QUIET_MS = 300;
  const LIMIT_MS = 3_000;
  await document.fonts.ready;
  // No named function inside: tsx (`npm start` runs the harness through it) wraps every named
  // function, arrows bound to a const included, in a `__name` helper the page does not have; so
  // the timers settle the promise directly and are cleared after it.
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let limit: ReturnType<typeof setTimeout> | undefined;
  let observer: MutationObserver | undefined;
  await new Promise<void>((resolve) => {
    observer = new MutationObserver(() => {
      clearTimeout(quiet);
      quiet = setTimeout(resolve, QUIET_MS);
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    quiet = setTimeout(resolve, QUIET_MS);
    limit = setTimeout(resolve, LIMIT_MS);
  });
  observer?.disconnect();
  clearTimeout(quiet);
  clearTimeout(limit);
  const running = document.getAnimations().map((animation) => animation.finished.then(() => undefined));
  await Promise.race([Promise.all(running), new Promise((resolve) => setTimeout(resolve, LIMIT_MS))]);
  // One more frame, so what the last change painted is what gets captured.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}
