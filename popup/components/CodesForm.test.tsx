// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ResyncOutcome } from '../../src/shared/messages';
import { CodesForm } from './CodesForm';
import { CopyAsCli } from '../lazy-views';

// happy-dom has no WebExtension API: i18n returns the key (and substitutions), so the tests can
// see which message a component chose.
vi.mock('../../src/shared/browser', () => ({
  ext: {
    i18n: {
      getMessage: (key: string, subs?: string | string[]) =>
        [key, ...(subs === undefined ? [] : Array.isArray(subs) ? subs : [subs])].join('|'),
    },
  },
}));

const device = { userName: 'alice', serialNumber: 'arn:aws:iam::123456789012:mfa/alice-phone' };

function outcome(status: ResyncOutcome['status'], code?: string): ResyncOutcome {
  return {
    attemptId: 'a',
    status,
    userName: device.userName,
    serialNumber: device.serialNumber,
    startedAt: 0,
    ...(code ? { error: { code } } : {}),
  };
}

function renderForm(onResync = vi.fn(async () => outcome('succeeded')), showInstruction?: boolean) {
  render(
    <CodesForm
      {...(showInstruction === undefined ? {} : { showInstruction })}
      busy={false}
      device={device}
      partition="aws"
      showCli
      canKeepSession={false}
      initialCodes={undefined}
      skewMs={0}
      onResync={onResync}
    />,
  );
  return {
    onResync,
    code1: screen.getByTestId('code1') as HTMLInputElement,
    code2: screen.getByTestId('code2') as HTMLInputElement,
    submit: screen.getByTestId('resync') as HTMLButtonElement,
  };
}

function paste(target: HTMLElement, text: string) {
  const event = new Event('paste', { bubbles: true, cancelable: true }) as Event & { clipboardData: unknown };
  event.clipboardData = { getData: () => text };
  fireEvent(target, event);
}

// The on-demand chunk holds every lazy view; transforming it for the first time takes vitest longer
// than a test waits for an element, so it is loaded once up front (the built popup fetches one file).
beforeAll(async () => {
  await CopyAsCli.preload();
});
afterEach(cleanup);

describe('CodesForm', () => {
  it('shows how to get two codes, except while an error above already says it', () => {
    renderForm();
    expect(screen.queryByText('codes_instruction')).not.toBeNull();
    cleanup();
    renderForm(undefined, false);
    expect(screen.queryByText('codes_instruction')).toBeNull();
    expect(screen.getByTestId('code1')).not.toBeNull();
  });

  it('fills both fields from one pasted pair and moves focus to Resync', async () => {
    const { code1, code2, submit } = renderForm();
    paste(code1, '123456 654321');
    await waitFor(() => expect(code2.value).toBe('654321'));
    expect(code1.value).toBe('123456');
    expect(document.activeElement).toBe(submit);
  });

  it('moves focus to the second field after six digits', async () => {
    const { code1, code2 } = renderForm();
    code1.focus();
    fireEvent.input(code1, { target: { value: '123456' } });
    await waitFor(() => expect(document.activeElement).toBe(code2));
  });

  it('refuses identical codes on the second field and keeps the first', async () => {
    const { code1, code2, submit, onResync } = renderForm();
    fireEvent.input(code1, { target: { value: '123456' } });
    fireEvent.input(code2, { target: { value: '123456' } });
    fireEvent.click(submit);
    expect(await screen.findByTestId('code2-problem')).toHaveProperty('textContent', 'field_same_as_first');
    expect(screen.queryByTestId('code1-problem')).toBeNull();
    expect(code1.value).toBe('123456');
    expect(onResync).not.toHaveBeenCalled();
  });

  it('refuses non-digits with a field-level message', async () => {
    const { code1, code2, submit } = renderForm();
    fireEvent.input(code1, { target: { value: '12a456' } });
    fireEvent.input(code2, { target: { value: '654321' } });
    fireEvent.click(submit);
    expect((await screen.findByTestId('code1-problem')).textContent).toBe('field_bad_characters');
    expect(code1.getAttribute('aria-invalid')).toBe('true');
  });

  it('clears spent codes after IAM rejected them, keeps them when IAM never checked them', async () => {
    const rejected = renderForm(vi.fn(async () => outcome('failed', 'InvalidAuthenticationCode')));
    fireEvent.input(rejected.code1, { target: { value: '123456' } });
    fireEvent.input(rejected.code2, { target: { value: '654321' } });
    fireEvent.click(rejected.submit);
    await waitFor(() => expect(rejected.code1.value).toBe(''));
    cleanup();

    const unchecked = renderForm(vi.fn(async () => outcome('failed', 'NoSuchEntity')));
    fireEvent.input(unchecked.code1, { target: { value: '123456' } });
    fireEvent.input(unchecked.code2, { target: { value: '654321' } });
    fireEvent.click(unchecked.submit);
    await waitFor(() => expect(unchecked.onResync).toHaveBeenCalledWith('123456', '654321', false));
    expect(unchecked.code1.value).toBe('123456');
    expect(unchecked.code2.value).toBe('654321');
  });

  it('shows the equivalent AWS CLI command with the codes blanked', async () => {
    renderForm();
    // The CLI copy loads on demand (popup/lazy-views.ts), a moment after the form.
    const command = (await screen.findByTestId('cli-command')).textContent ?? '';
    expect(command).toContain('aws iam resync-mfa-device');
    expect(command).toContain('--serial-number arn:aws:iam::123456789012:mfa/alice-phone');
    expect(command).toContain('--authentication-code1 CODE1');
  });
});
