// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchForMfaFailures, type Detector, type Rejection } from './detect-mfa-failure';
import { byTestId, loadFixture, sleep, submitCode } from './fixture-dom';
import { findMfaStep } from './mfa-step';

// The detector against every sign-in fixture, with the fixture's own page script answering the
// submit (150-200 ms later, like a server round trip).

let detector: Detector | undefined;
afterEach(() => {
  detector?.stop();
  detector = undefined;
  vi.restoreAllMocks();
});

function watch(settleMs = 30) {
  const rejections: Rejection[] = [];
  const left = vi.fn();
  detector = watchForMfaFailures({
    document,
    settleMs,
    leaveGraceMs: 400,
    onRejection: (rejection) => rejections.push(rejection),
    onStepLeft: left,
  });
  return { rejections, left };
}

async function rejectionCount(rejections: Rejection[], count: number) {
  await vi.waitFor(() => expect(rejections).toHaveLength(count), { timeout: 2_000, interval: 20 });
}

describe('a rejected MFA code is detected', () => {
  it.each([
    ['legacy/iam-mfa.html', 'legacy IAM-user form, English'],
    ['legacy/iam-mfa.de.html', 'legacy IAM-user form, German (no English text)'],
    ['legacy/root-mfa.html', 'root user: the error box is hidden and shown as a whole'],
    ['v2/mfa.html', '/v2/ app: spinner without the field, then a re-rendered form'],
    ['v2/mfa.ja.html', '/v2/ app, Japanese (no English text)'],
  ])('%s (%s), counting consecutive rejections', async (fixture) => {
    loadFixture(fixture);
    const { rejections, left } = watch();
    submitCode();
    await rejectionCount(rejections, 1);
    submitCode();
    await rejectionCount(rejections, 2);
    expect(rejections.map((r) => r.consecutive)).toEqual([1, 2]);
    expect(rejections.every((r) => !r.reusedOrExpired)).toBe(true);
    expect(left).not.toHaveBeenCalled();
  });

  it('counts a rejection on a page that already showed one when it loaded, only after a submit', async () => {
    loadFixture('legacy/iam-mfa-rejected.html');
    const { rejections } = watch();
    await sleep(200);
    expect(rejections).toHaveLength(0);
    submitCode();
    await rejectionCount(rejections, 1);
  });

  it('flags "code already used" so the clear prompt comes at once', async () => {
    loadFixture('v2/mfa.html', 'https://signin.aws.amazon.com/v2/mfa.html?answer=used');
    const { rejections } = watch();
    submitCode();
    await rejectionCount(rejections, 1);
    expect(rejections[0]?.reusedOrExpired).toBe(true);
  });

  it('starts on Enter in the code field, not only on a click or submit event', async () => {
    loadFixture('legacy/iam-mfa.html');
    const { rejections } = watch();
    byTestId('mfa-code').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    const message = document.getElementById('main_message') as HTMLElement;
    message.textContent = 'Falscher Code.';
    message.hidden = false;
    await rejectionCount(rejections, 1);
  });

  it('does not lose an answer when the next code is submitted before the page settled', async () => {
    loadFixture('legacy/iam-mfa.html');
    const { rejections } = watch(1_000);
    submitCode();
    await vi.waitFor(() => expect(document.getElementById('main_message')?.hidden).toBe(false));
    submitCode();
    await rejectionCount(rejections, 2);
    expect(rejections.map((r) => r.consecutive)).toEqual([1, 2]);
  });

  it('detects the code step a device chooser leads to', async () => {
    loadFixture('v2/device-chooser.html');
    const { rejections } = watch();
    (document.querySelector('input[value="SWHW"]') as HTMLInputElement).click();
    byTestId('mfa-continue-button').click();
    await vi.waitFor(() => expect(findMfaStep(document)).toBeDefined(), { timeout: 1_000 });
    submitCode();
    await rejectionCount(rejections, 1);
  });

  it('an ARIA alert anywhere in the form area, whatever its words (no text is read)', async () => {
    document.body.innerHTML = '<form><input id="mfacode"><button type="submit">OK</button></form><div id="x"></div>';
    document.querySelector('form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      setTimeout(() => {
        (document.getElementById('x') as HTMLElement).innerHTML = '<p role="alert">Código incorrecto.</p>';
      }, 50);
    });
    const { rejections } = watch();
    (document.querySelector('button') as HTMLButtonElement).click();
    await rejectionCount(rejections, 1);
  });
});

describe('no MFA failure is seen', () => {
  it('on a wrong password, and the password step costs no observer', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    loadFixture('legacy/password-failure.html');
    const { rejections } = watch();
    byTestId<HTMLInputElement>('password').value = 'wrong';
    byTestId('signin-button').click();
    await sleep(400);
    expect(document.getElementById('main_message')?.hidden).toBe(false);
    expect(rejections).toHaveLength(0);
    expect(observe).not.toHaveBeenCalled();
  });

  it('on the device chooser, whose own error has no code field', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    loadFixture('v2/device-chooser.html');
    const { rejections } = watch();
    for (let i = 0; i < 2; i++) {
      byTestId('mfa-continue-button').click();
      await vi.waitFor(() => expect(document.querySelector('[role="alert"]')).not.toBeNull());
    }
    await sleep(200);
    expect(rejections).toHaveLength(0);
    expect(observe).not.toHaveBeenCalled();
  });

  it('on success: the status line is no error, the step is left and the observer goes', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    loadFixture('legacy/success.html');
    const { rejections, left } = watch();
    submitCode('123456');
    await vi.waitFor(() => expect(left).toHaveBeenCalledOnce(), { timeout: 2_000 });
    expect(document.getElementById('signing_in')?.textContent).toBe('Signing in…');
    expect(rejections).toHaveLength(0);
    expect(disconnect).toHaveBeenCalled();
  });

  it('when an error that was already shown just stays while something else changes', async () => {
    loadFixture('legacy/iam-mfa-rejected.html');
    // The page's script is replaced by one that answers nothing but shows a spinner.
    const form = document.getElementById('signin_form') as HTMLFormElement;
    form.replaceWith(form.cloneNode(true));
    const { rejections } = watch();
    document.getElementById('signin_form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      document.body.classList.add('busy');
      document.body.append(Object.assign(document.createElement('div'), { className: 'spinner' }));
    });
    submitCode();
    await sleep(300);
    expect(rejections).toHaveLength(0);
  });

  it('when an error appears without any submit', async () => {
    loadFixture('legacy/iam-mfa.html');
    const { rejections } = watch();
    const message = document.getElementById('main_message') as HTMLElement;
    message.textContent = 'Your authentication information is incorrect. Please try again.';
    message.hidden = false;
    await sleep(200);
    expect(rejections).toHaveLength(0);
  });

  it('when text outside any error region changes, whatever it says (words alone are no evidence)', async () => {
    document.body.innerHTML = '<form><input id="mfacode"><button type="submit">OK</button></form><div id="x"></div>';
    document.querySelector('form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      setTimeout(
        () =>
          ((document.getElementById('x') as HTMLElement).textContent = 'Your authentication information is incorrect.'),
        50,
      );
    });
    const { rejections } = watch();
    (document.querySelector('button') as HTMLButtonElement).click();
    await sleep(300);
    expect(rejections).toHaveLength(0);
  });

  it('when an alert appears after the submit in a dialog or the cookie banner', async () => {
    document.body.innerHTML =
      '<form><input id="mfacode"><button type="submit">OK</button></form>' +
      '<div id="awsccc-cb-content"></div><div role="dialog"><p id="d"></p></div>';
    document.querySelector('form')?.addEventListener('submit', (event) => {
      event.preventDefault();
      setTimeout(() => {
        (document.getElementById('awsccc-cb-content') as HTMLElement).innerHTML = '<div role="alert">Cookies</div>';
        (document.getElementById('d') as HTMLElement).outerHTML = '<p role="alert">Feedback: incorrect?</p>';
      }, 50);
    });
    const { rejections } = watch();
    (document.querySelector('button') as HTMLButtonElement).click();
    await sleep(300);
    expect(rejections).toHaveLength(0);
  });
});

describe('leaving the MFA step', () => {
  it('resets the count: a new MFA step starts again at one', async () => {
    loadFixture('legacy/iam-mfa.html');
    const { rejections, left } = watch();
    submitCode();
    await rejectionCount(rejections, 1);
    // The user goes back to the password step (the MFA part is hidden), then returns.
    const mfa = document.getElementById('mfa_container') as HTMLElement;
    mfa.hidden = true;
    await vi.waitFor(() => expect(left).toHaveBeenCalledOnce(), { timeout: 2_000 });
    mfa.hidden = false;
    submitCode();
    await rejectionCount(rejections, 2);
    expect(rejections[1]?.consecutive).toBe(1);
  });
});
