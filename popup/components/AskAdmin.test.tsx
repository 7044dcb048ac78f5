// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AskAdmin } from './AskAdmin';

// The request form's routes: text to copy and an email, or, where the policy sets a ticket URL,
// that ticket form alone. i18n returns the key.
vi.mock('../../src/shared/browser', () => ({
  ext: { i18n: { getMessage: (key: string) => key } },
}));

const hints = { account: '123456789012', userName: 'alice', partition: 'aws' as const, isRoot: false };
const TEMPLATE = 'https://tickets.example.com/new?user={user}#mfa-resync-request={request}';

function make(ticketUrlTemplate: string | undefined) {
  render(
    <AskAdmin
      hints={hints}
      helpdeskUrl="mailto:it@example.com"
      ticketUrlTemplate={ticketUrlTemplate}
      onClose={vi.fn()}
    />,
  );
  fireEvent.click(screen.getByTestId('ask-make'));
}

afterEach(cleanup);

describe('Ask an admin: the routes out', () => {
  it('without a ticket URL: the text to copy and an email, no ticket link', () => {
    make(undefined);
    expect((screen.getByTestId('ask-text') as HTMLTextAreaElement).value).toMatch(/mfa-resync-request=[A-Za-z0-9_-]+/);
    expect(screen.getByTestId('ask-copy')).toBeTruthy();
    expect(screen.getByTestId('ask-email').getAttribute('href')).toMatch(/^mailto:it@example\.com\?subject=/);
    expect(screen.queryByTestId('ask-ticket')).toBeNull();
  });

  it('with a ticket URL from policy: that ticket form is the only route', () => {
    make(TEMPLATE);
    const href = screen.getByTestId('ask-ticket').getAttribute('href') ?? '';
    expect(href).toMatch(/^https:\/\/tickets\.example\.com\/new\?user=alice#mfa-resync-request=[A-Za-z0-9_-]+$/);
    expect(screen.getByText('handoff_ticket_only')).toBeTruthy();
    for (const other of ['ask-text', 'ask-copy', 'ask-email']) expect(screen.queryByTestId(other)).toBeNull();
  });

  it('a template that does not fill to an allowed URL falls back to copy and email', () => {
    make('http://tickets.example.com/{user}');
    expect(screen.queryByTestId('ask-ticket')).toBeNull();
    expect(screen.getByTestId('ask-copy')).toBeTruthy();
  });
});
