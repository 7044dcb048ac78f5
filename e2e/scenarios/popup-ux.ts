// The popup as people meet it: keyboard only, FIDO keys, root credentials, errors with what to do
// next, the clock-skew banner, Copy as AWS CLI, pasting both codes at once, a steady layout while
// the ring ticks; plus every state checked with axe and in de/ja (popup-ux-states.ts).
import { useExtensionSuite } from '../harness/extension-suite';
import { beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNT_ID, seededRootKeys } from '../sandbox/seed';
import type { DriverFactory, ExtensionPage } from '../harness/driver';
import { bashExport, longTermKeys } from '../harness/paste-samples';
import {
  errorOf,
  listSettled,
  localeMessages,
  openLockedPopup,
  POPUP,
  resyncWith,
  submitPaste,
  unlockWith,
  visibleTestIds,
} from '../harness/popup-flow';
import { callsOf, injectFault, resetSandbox, waitForFaultTaken, waitUntil } from '../harness/sandbox-control';
import { phoneCodes } from '../harness/sandbox-client';
import { ALICE_PHONE, describePopupStates, FIXED, type PopupUxOptions } from './popup-ux-states';

const ALICE_KEY = `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:u2f/user/alice/yubikey-EXAMPLE1`;

/** The title and what-to-do-next sentence of the error notice on screen. */
async function shownNotice(popup: ExtensionPage): Promise<{ code: string | null; title: string; next: string }> {
  return popup.evaluate(() => {
    const notice = document.querySelector('[data-testid="error"]');
    const next = notice?.querySelector(':scope > p:not(.detail):not(.meta):not(.helpdesk)');
    return {
      code: notice?.getAttribute('data-code') ?? null,
      title: notice?.querySelector(':scope > strong')?.textContent ?? '',
      next: next?.textContent ?? '',
    };
  });
}

export function describePopupUx(
  name: string,
  launch: DriverFactory,
  extensionDir: string,
  options: PopupUxOptions,
): void {
  describe(`popup UX in ${name}`, () => {
    const suite = useExtensionSuite(launch, extensionDir);
    const msg = localeMessages(extensionDir);
    const aliceKeys = () => bashExport(longTermKeys('alice'));

    beforeEach(async () => {
      // Each test starts like a new user: vault locked, no last outcome (the popup shows it on
      // opening), no measured skew, no remembered code pairs. The options page sends no AWS call.
      const page = await suite.driver.openPage('options/index.html');
      await page.evaluate(async () => {
        type Ext = {
          runtime: { sendMessage(m: unknown): Promise<unknown> };
          storage: { session: { remove(k: string[]): Promise<void> } };
        };
        const g = globalThis as unknown as { browser?: Ext; chrome?: Ext };
        const ext = g.browser ?? g.chrome;
        if (!ext) throw new Error('not an extension page');
        await ext.runtime.sendMessage({ type: 'vault/lock' });
        await ext.storage.session.remove(['lastOutcome', 'clockSkewMs', 'usedCodePairs']);
      });
      await page.close();
      await resetSandbox(suite.sandbox.url);
    });

    /** alice unlocked with her long-term keys; her phone (the only resyncable device) is preselected. */
    async function unlockAlice(): Promise<ExtensionPage> {
      const popup = await unlockWith(suite.driver, aliceKeys());
      await popup.textOf('codes-form');
      return popup;
    }

    it('resyncs with the keyboard only: Tab order code 1 → code 2 → Resync, Enter in code 2 submits', async () => {
      const popup = await unlockAlice();
      // The paste form is gone with its focus: Tab from the top of the page, as a user would.
      const path: Array<string | null> = [];
      for (let i = 0; i < 15 && (await popup.focusedTestId()) !== 'code1'; i += 1) {
        await popup.press('Tab');
        path.push(await popup.focusedTestId());
      }
      expect(path.at(-1), `Tab path: ${path.join(' → ')}`).toBe('code1');
      // The keep-session box sits between code 2 and Resync when shown (temporary credentials only).
      const expected = ['code2', ...((await popup.isVisible('keep-session')) ? ['keep-session'] : []), 'resync'];
      const after: Array<string | null> = [];
      for (let i = 0; i < expected.length; i += 1) {
        await popup.press('Tab');
        after.push(await popup.focusedTestId());
      }
      expect(after).toEqual(expected);
      for (let i = 0; i < expected.length; i += 1) await popup.press('Shift+Tab');
      expect(await popup.focusedTestId()).toBe('code1');

      const { codes } = await phoneCodes(suite.sandbox.url, ALICE_PHONE);
      for (const digit of codes[0]) await popup.press(digit);
      // Six digits in code 1 move on to code 2 by themselves.
      expect(await popup.focusedTestId()).toBe('code2');
      for (const digit of codes[1]) await popup.press(digit);
      await popup.press('Enter');
      expect(await popup.textOf('outcome-success')).toContain(msg('resync_success_title'));
      expect((await callsOf(suite.sandbox.url, 'ResyncMFADevice')).map((c) => c.status)).toEqual([200]);
      await popup.close();
    });

    it('shows a FIDO key greyed out with why, and it cannot be selected', async () => {
      const popup = await unlockAlice();
      const fido = await popup.evaluate((serial) => {
        const radio = [...document.querySelectorAll<HTMLInputElement>('input[type=radio]')].find(
          (r) => r.value === serial,
        );
        const describedBy = radio?.getAttribute('aria-describedby') ?? '';
        const reason = describedBy ? document.getElementById(describedBy) : null;
        return {
          disabled: radio?.disabled,
          checked: radio?.checked,
          reason: reason?.textContent ?? null,
          reasonVisible: reason?.checkVisibility() ?? false,
        };
      }, ALICE_KEY);
      expect(fido).toEqual({ disabled: true, checked: false, reason: msg('device_fido_why'), reasonVisible: true });
      // Clicking its label changes nothing: the phone stays selected for the codes. Playwright's
      // click waits for a disabled control's label to become enabled, so the click is the DOM's.
      const checked = await popup.evaluate((serial) => {
        const radios = [...document.querySelectorAll<HTMLInputElement>('input[type=radio]')];
        radios.find((r) => r.value === serial)?.labels?.[0]?.click();
        return radios.filter((r) => r.checked).map((r) => r.value);
      }, ALICE_KEY);
      expect(checked).toEqual([ALICE_PHONE]);
      await popup.click('copy-as-cli');
      expect(await popup.textOf('cli-command')).toContain(`--serial-number ${ALICE_PHONE}`);
      await popup.close();
    });

    it('explains root MFA instead of listing devices for root credentials', async () => {
      const root = seededRootKeys();
      const popup = await openLockedPopup(suite.driver);
      expect((await submitPaste(popup, bashExport(root))).shown).toBe('session');
      expect(await popup.textOf('caller-arn')).toBe(`arn:aws:iam::${SANDBOX_ACCOUNT_ID}:root`);
      const guidance = await popup.textOf('root-guidance');
      expect(guidance).toContain(msg('root_title'));
      expect(guidance).toContain(msg('root_next'));
      const href = await popup.evaluate(() =>
        document.querySelector('[data-testid="root-guidance"] a')?.getAttribute('href'),
      );
      expect(href).toBe('https://signin.aws.amazon.com/');
      expect(
        await visibleTestIds(popup, ['user-name', 'devices', 'no-devices', 'codes-form', 'code1', 'error']),
      ).toEqual([]);
      // Nothing asked IAM for root's devices: only the identity check went out with root's key.
      const withRootKey = async (action: string) =>
        (await callsOf(suite.sandbox.url, action)).filter((c) => c.accessKeyId === root.accessKeyId);
      expect(await withRootKey('ListMFADevices')).toEqual([]);
      expect((await withRootKey('GetCallerIdentity')).length).toBeGreaterThan(0);
      await popup.close();
    });

    it.each([
      { code: 'InvalidAuthenticationCode', fault: undefined },
      {
        code: 'ConcurrentModification',
        fault: { action: 'ResyncMFADevice', status: 409, code: 'ConcurrentModification' },
      },
      { code: 'ServiceFailure', fault: { action: 'ResyncMFADevice', status: 500, code: 'ServiceFailure' } },
    ])('shows $code with the catalog title and what to do next', async ({ code, fault }) => {
      const popup = await unlockAlice();
      if (fault) await injectFault(suite.sandbox.url, fault);
      // Without a fault the made-up pair fails naturally: IAM finds no two consecutive steps.
      expect(errorOf(await resyncWith(popup, ...FIXED)).code).toBe(code);
      const notice = await shownNotice(popup);
      expect(msg(`error_${code}_title`).trim()).not.toBe('');
      expect(msg(`error_${code}_next`).trim()).not.toBe('');
      expect(notice).toEqual({ code, title: msg(`error_${code}_title`), next: msg(`error_${code}_next`) });
      await popup.close();
    });

    it('warns about a skewed clock by how much, and the ring stays within one 30 s step', async () => {
      // Skewed Date on every answer: the background re-measures on each one, so skew on
      // GetCallerIdentity alone is replaced by ListMFADevices' Date a moment later (as it should:
      // a real clock skew shows in every answer).
      await injectFault(suite.sandbox.url, { dateSkewSeconds: 120, times: 20 });
      const popup = await unlockAlice();
      const banner = await popup.textOf('clock-skew');
      // Date has whole seconds, so the measured skew is 119.x–120 s and can round to 119.
      expect(banner).toMatch(/\b(119|120)\b/);
      expect(banner).toContain('behind');
      const left = Number(await popup.attributeOf('code-ring', 'data-seconds-left'));
      expect(left).toBeGreaterThanOrEqual(1);
      expect(left).toBeLessThanOrEqual(30);
      await popup.close();
    });

    it('copies as AWS CLI: the same call, codes only when asked, and a --cli-input-json body', async () => {
      const popup = await unlockAlice();
      await popup.click('copy-as-cli');
      const command = (code1: string, code2: string) =>
        [
          'aws iam resync-mfa-device \\',
          '  --user-name alice \\',
          `  --serial-number ${ALICE_PHONE} \\`,
          `  --authentication-code1 ${code1} \\`,
          `  --authentication-code2 ${code2} \\`,
          // The extension calls the sandbox (the endpoint override), so the copied command does too.
          `  --endpoint-url ${suite.sandbox.url} \\`,
          '  --region us-east-1',
        ].join('\n');
      expect(await popup.textOf('cli-command')).toBe(command('CODE1', 'CODE2'));
      await popup.fill('code1', FIXED[0]);
      await popup.fill('code2', FIXED[1]);
      expect(await popup.textOf('cli-command')).toBe(command('CODE1', 'CODE2'));
      await popup.click('cli-include-codes');
      expect(await popup.textOf('cli-command')).toBe(command(...FIXED));
      expect(JSON.parse(await popup.textOf('cli-json'))).toStrictEqual({
        UserName: 'alice',
        SerialNumber: ALICE_PHONE,
        AuthenticationCode1: FIXED[0],
        AuthenticationCode2: FIXED[1],
      });
      await popup.close();
    });

    it('fills both fields from one paste of 12 digits into code 1, then focuses Resync', async () => {
      const popup = await unlockAlice();
      const pastes = [
        ['123456654321', FIXED],
        ['111111 222222', ['111111', '222222']],
      ] as const;
      for (const [text, pair] of pastes) {
        await popup.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="code1"]')?.focus());
        // A real paste (clipboard + Ctrl+V): the handler must read the event's clipboardData.
        await popup.paste(text);
        expect([await popup.valueOf('code1'), await popup.valueOf('code2')]).toEqual(pair);
        expect(await popup.focusedTestId()).toBe('resync');
      }
      await popup.close();
    });

    it('does not move anything in the codes form while the ring ticks', async () => {
      const popup = await unlockAlice();
      const layout = () =>
        popup.evaluate(() => {
          const form = document.querySelector('[data-testid="codes-form"]');
          const ring = form?.querySelector('[data-testid="code-ring"]');
          // The ring's own label changes by design; everything else, the ring's box included, must stay.
          return [...(form?.querySelectorAll('*') ?? [])]
            .filter((el) => el === ring || !ring?.contains(el))
            .map((el) => {
              const r = el.getBoundingClientRect();
              return `${el.tagName}.${el.getAttribute('class') ?? ''} ${r.x},${r.y} ${r.width}x${r.height}`;
            });
        });
      const secondsLeft = () => popup.attributeOf('code-ring', 'data-seconds-left');
      // "Copy as AWS CLI" arrives on demand a moment after the form, below Resync; the layout that
      // must hold while the ring ticks is the settled one.
      await popup.textOf('copy-as-cli');
      const before = await layout();
      for (let tick = 0; tick < 3; tick += 1) {
        const shown = await secondsLeft();
        await waitUntil('the ring to tick', async () => (await secondsLeft()) !== shown, 3_000, 50);
        expect(await layout(), `after tick ${tick + 1}`).toEqual(before);
      }
      await popup.close();
    });

    it('reopened, shows the devices and code fields at once, while IAM is asked again behind them', async () => {
      const first = await unlockAlice();
      await first.close();
      // Without the session's earlier list the code fields could not appear before this answer.
      const slowListMs = 4_000;
      await injectFault(suite.sandbox.url, { action: 'ListMFADevices', latencyMs: slowListMs });
      const opened = Date.now();
      const popup = await suite.driver.openPage(POPUP);
      await popup.textOf('codes-form', slowListMs / 2);
      expect(Date.now() - opened).toBeLessThan(slowListMs);
      expect(await popup.attributeOf('devices', 'aria-busy')).toBe('true');
      expect(
        await popup.evaluate(() => (document.querySelector('input[type=radio]:checked') as HTMLInputElement)?.value),
      ).toBe(ALICE_PHONE);
      // The list is still asked for, and the busy mark goes once IAM has answered.
      await waitForFaultTaken(suite.sandbox.url);
      await waitUntil('the list to be refreshed', () => listSettled(popup), slowListMs + 5_000, 50);
      expect(await popup.isVisible('codes-form')).toBe(true);
      await popup.close();
    });

    describePopupStates({
      extensionDir,
      options,
      driver: () => suite.driver,
      sandbox: () => suite.sandbox,
      clock: suite.clock,
      aliceKeys,
      unlockAlice,
    });
  });
}
