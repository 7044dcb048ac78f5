// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ErrorView } from '../../src/shared/messages';
import { ErrorNotice } from './ErrorNotice';

// The real English messages, as browser.i18n would return them ('' for a missing key). Read only
// when a component renders, after this module has run.
const en = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string }
>;
vi.mock('../../src/shared/browser', () => ({
  ext: { i18n: { getMessage: (key: string) => en[key]?.message ?? '' } },
}));

afterEach(cleanup);

const throttled = (operation?: ErrorView['operation']): ErrorView => ({
  code: 'Throttling',
  awsCode: 'Throttling',
  httpStatus: 400,
  requestId: '7a62c49f-347e-4fc4-9331-6e8eEXAMPLE',
  ...(operation ? { operation } : {}),
});

describe('ErrorNotice', () => {
  it('a throttled device listing says to try again, and asks for no codes', () => {
    render(<ErrorNotice error={throttled('list')} />);
    const next = screen.getByTestId('error').querySelector('p')?.textContent;
    expect(next).toBe(en['error_Throttling_next_again']?.message);
    expect(next).not.toMatch(/\bcodes?\b/i);
  });

  it('a throttled resync asks for two new codes', () => {
    render(<ErrorNotice error={throttled('resync')} />);
    expect(screen.getByTestId('error').textContent).toContain(en['error_Throttling_next']?.message);
  });

  it('a refused check code is titled as a code, not as a missing permission', () => {
    render(<ErrorNotice error={{ code: 'AccessDenied', awsCode: 'AccessDenied', operation: 'check' }} />);
    const notice = screen.getByTestId('error');
    expect(notice.querySelector('strong')?.textContent).toBe(en['error_AccessDenied_title_code']?.message);
    expect(notice.textContent).toContain(en['error_AccessDenied_next_check']?.message);
  });

  it('shows the AWS code and request id as a definition list, each value on its own', () => {
    render(<ErrorNotice error={throttled('list')} />);
    const ids = screen.getByTestId('error-ids');
    expect(ids.tagName).toBe('DL');
    const pairs = [...ids.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
    expect(pairs).toEqual([
      ['AWS error code', 'Throttling'],
      ['Request ID', '7a62c49f-347e-4fc4-9331-6e8eEXAMPLE'],
    ]);
    // The values are whole text nodes of their own, so a triple click or a copy takes just the id.
    expect([...ids.querySelectorAll('dd')].map((dd) => dd.tagName)).toEqual(['DD', 'DD']);
  });

  it('shows only the request id when AWS sent no code, and no list when neither is known', () => {
    render(<ErrorNotice error={{ code: 'ServiceFailure', requestId: 'req-1', operation: 'unlock' }} />);
    expect([...screen.getByTestId('error-ids').querySelectorAll('dt, dd')].map((e) => e.textContent)).toEqual([
      'Request ID',
      'req-1',
    ]);
    cleanup();
    render(<ErrorNotice error={{ code: 'NetworkOffline', operation: 'unlock' }} />);
    expect(screen.queryByTestId('error-ids')).toBeNull();
  });

  it("keeps the popup's own codes (not in the catalog) on their own messages", () => {
    render(<ErrorNotice error={{ code: 'Locked' }} />);
    expect(screen.getByTestId('error').textContent).toContain(en['error_Locked_next']?.message);
  });
});
