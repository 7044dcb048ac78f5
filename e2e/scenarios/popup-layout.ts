// The popup's layout at its real size, 360 × 600, in English, German (the longest strings) and
// Japanese: no control may overflow its box (text cut off or sticking out, a badge that wraps) and
// the primary action must stay within the first 600 px, in every state on the way to a resync.
// When written (issue 17) it failed on exactly what the issue's screenshots show: the "Security key /
// passkey" badge wraps, the "New code in N s" caption is wider than the ring it sits under, and
// rejected codes push the Resync button below the fold; the polish pass has to make it pass.
import { describe, expect, it } from 'vitest';
import type { ExtensionDriver, ExtensionPage } from '../harness/driver';
import { useExtensionSuite } from '../harness/extension-suite';
import { bashExport, longTermKeys } from '../harness/paste-samples';
import { answerTo, errorOf, openLockedPopup, submitPaste, unlockWith } from '../harness/popup-flow';

const WIDTH = 360;
const FOLD = 600;
const FIXED: [string, string] = ['123456', '654321'];

export interface LayoutProblem {
  state: string;
  what: string;
}

/**
 * Runs in the page. Arrow functions only: tsx would wrap a named function in a `__name` helper
 * that does not exist there. A control is checked against itself (content wider than the box that
 * clips or holds it), against the popup's width, and against its nearest card, fieldset or device
 * row; an inline badge must sit on one line.
 */
const measure = ({ width, fold }: { width: number; fold: number }) => {
  const problems: string[] = [];
  const visible = (el: Element) => el.getClientRects().length > 0 && (el as HTMLElement).checkVisibility?.() !== false;
  const name = (el: Element) => {
    const id = el.getAttribute('data-testid');
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `<${el.tagName.toLowerCase()}${id ? ` data-testid=${id}` : ''}${el.className ? ` class="${el.className}"` : ''}> "${text}"`;
  };
  const controls = document.querySelectorAll(
    'button, select, input, textarea, label, summary, legend, a, .badge, .ring-label, .ring, h1, h2',
  );
  for (const el of controls) {
    if (!visible(el)) continue;
    const rect = el.getBoundingClientRect();
    if (rect.left < -0.5 || rect.right > width + 0.5) problems.push(`${name(el)} sticks out of the ${width} px popup`);
    const box = el.parentElement?.closest('.card, fieldset, .device, .session, .notice, form');
    if (box && box !== el) {
      const outer = box.getBoundingClientRect();
      if (rect.left < outer.left - 0.5 || rect.right > outer.right + 0.5)
        problems.push(`${name(el)} overflows its box ${name(box).slice(0, 60)}`);
    }
    const html = el as HTMLElement;
    const tag = el.tagName.toLowerCase();
    if (
      !['input', 'textarea', 'select'].includes(tag) &&
      html.scrollWidth > html.clientWidth + 1 &&
      html.clientWidth > 0
    )
      problems.push(`${name(el)} has content wider than its box (${html.scrollWidth} > ${html.clientWidth} px)`);
    if (el.classList.contains('badge') && el.getClientRects().length > 1) problems.push(`${name(el)} wraps`);
  }
  for (const primary of document.querySelectorAll('button.primary')) {
    if (!visible(primary)) continue;
    const bottom = primary.getBoundingClientRect().bottom + window.scrollY;
    if (bottom > fold) problems.push(`${name(primary)} ends at ${Math.round(bottom)} px, below the first ${fold} px`);
  }
  if (document.documentElement.scrollWidth > width) problems.push('the popup scrolls sideways');
  return problems;
};

async function problemsOf(popup: ExtensionPage, state: string): Promise<LayoutProblem[]> {
  // Lazy views (errors, notices) arrive a moment after the state they belong to.
  await new Promise((resolve) => setTimeout(resolve, 150));
  const found = await popup.evaluate(measure as (arg: unknown) => string[], { width: WIDTH, fold: FOLD });
  return found.map((what) => ({ state, what }));
}

/** Every state on the way to a resync: locked, a bad paste, devices, field errors, codes, rejected codes. */
async function walkStates(driver: ExtensionDriver): Promise<LayoutProblem[]> {
  const problems: LayoutProblem[] = [];
  const locked = await openLockedPopup(driver);
  problems.push(...(await problemsOf(locked, 'locked')));
  expect((await submitPaste(locked, 'not a credential')).shown).toBe('error');
  problems.push(...(await problemsOf(locked, 'paste-error')));
  await locked.close();

  const popup = await unlockWith(driver, bashExport(longTermKeys('alice')));
  await popup.textOf('codes-form');
  problems.push(...(await problemsOf(popup, 'devices')));
  await popup.fill('code1', '12a');
  await popup.click('resync');
  await popup.textOf('code2-problem');
  problems.push(...(await problemsOf(popup, 'field-errors')));
  await popup.fill('code1', FIXED[0]);
  await popup.fill('code2', FIXED[1]);
  problems.push(...(await problemsOf(popup, 'codes')));
  errorOf(await answerTo(popup, () => popup.click('resync'), ['outcome-success']));
  problems.push(...(await problemsOf(popup, 'codes-rejected')));
  await popup.close();
  return problems;
}

export function describePopupLayout(
  name: string,
  extensionDir: string,
  /** The browser in this UI language; undefined is the browser's own (English). */
  launchInLocale: (extensionDir: string, locale: string | undefined) => Promise<ExtensionDriver>,
): void {
  describe.each(['en', 'de', 'ja'])(`popup layout at ${WIDTH}×${FOLD} in ${name}, %s`, (locale) => {
    const suite = useExtensionSuite((dir) => launchInLocale(dir, locale === 'en' ? undefined : locale), extensionDir, {
      resetBeforeEach: true,
    });

    it('keeps every control inside its box and the primary action in the first 600 px, light and dark', async () => {
      const problems: LayoutProblem[] = [];
      for (const scheme of ['light', 'dark'] as const) {
        const page = await suite.driver.openPage('options/index.html');
        await page.setColorScheme(scheme);
        await page.close();
        problems.push(...(await walkStates(suite.driver)).map((p) => ({ ...p, state: `${p.state} (${scheme})` })));
      }
      expect(problems.map((p) => `${p.state}: ${p.what}`)).toEqual([]);
    });
  });
}
