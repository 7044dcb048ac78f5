import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from './policy';
import { fillTicketTemplate, isAllowedLinkUrl, isAllowedTicketTemplate, type TicketValues } from './ticket-template';

const TEMPLATE = 'https://tickets.example.com/new?type=mfa&account={account}&user={user}&serial={serial}#{request}';
const VALUES: TicketValues = {
  partition: 'aws',
  account: '123456789012',
  user: 'alice',
  serial: 'GAHT12345678',
  request: 'abc',
};

describe('ticket URL template', () => {
  it('fills the placeholders', () => {
    expect(fillTicketTemplate(TEMPLATE, VALUES)).toBe(
      'https://tickets.example.com/new?type=mfa&account=123456789012&user=alice&serial=GAHT12345678#abc',
    );
    expect(fillTicketTemplate('mailto:help@example.com?subject=MFA%20{user}&body={request}', VALUES)).toBe(
      'mailto:help@example.com?subject=MFA%20alice&body=abc',
    );
  });

  it('percent-encodes hostile values: no new parameter, path, fragment or host', () => {
    const hostile = '&admin=1#x/../@evil.example?q= "<script>';
    const url = new URL(
      fillTicketTemplate(TEMPLATE, { ...VALUES, user: hostile, serial: 'javascript:alert(1)' }) ?? '',
    );
    expect(url.host).toBe('tickets.example.com');
    expect([...url.searchParams.keys()]).toEqual(['type', 'account', 'user', 'serial']);
    expect(url.searchParams.get('user')).toBe(hostile);
    expect(url.searchParams.get('serial')).toBe('javascript:alert(1)');
    expect(url.hash).toBe('#abc');
    fc.assert(
      fc.property(fc.string(), fc.string(), (user, serial) => {
        const filled = new URL(fillTicketTemplate(TEMPLATE, { ...VALUES, user, serial }) ?? '');
        expect(filled.origin).toBe('https://tickets.example.com');
        expect(filled.searchParams.get('user')).toBe(user.replaceAll(/[\uD800-\uDFFF]/g, '\uFFFD'));
      }),
    );
  });

  it.each([
    'http://tickets.example.com/new?user={user}',
    'javascript:alert({user})',
    'data:text/html,{request}',
    '{request}',
    'https://user:pass@tickets.example.com/{user}',
    'https://tickets.example.com/{password}',
    'https://tickets.example.com/{user',
    'not a url {user}',
  ])('refuses %j', (template) => {
    expect(isAllowedTicketTemplate(template)).toBe(false);
    expect(fillTicketTemplate(template, VALUES)).toBeUndefined();
  });

  it('is a policy setting that fails closed: a refused template offers no ticket link', () => {
    expect(parsePolicy({ helpdeskTicketUrlTemplate: TEMPLATE }, { sandboxBuild: false })).toEqual({
      policy: { helpdeskTicketUrlTemplate: TEMPLATE },
      errors: [],
    });
    for (const value of ['http://x.example/{user}', 42, 'https://x.example/{nope}']) {
      const { policy, errors } = parsePolicy({ helpdeskTicketUrlTemplate: value }, { sandboxBuild: false });
      expect(policy.helpdeskTicketUrlTemplate).toBeUndefined();
      expect(errors).toHaveLength(1);
      expect(errors[0]?.key).toBe('helpdeskTicketUrlTemplate');
    }
  });
});

describe('which templates are allowed', () => {
  it('refuses a placeholder where it would become the credentials of the URL, whatever its value', () => {
    for (const name of ['partition', 'account', 'user', 'serial', 'request']) {
      expect(isAllowedTicketTemplate(`https://{${name}}@tickets.example.com/`), name).toBe(false);
    }
  });

  it('refuses a template with any unknown placeholder, also next to known ones', () => {
    expect(isAllowedTicketTemplate('https://tickets.example.com/?u={user}&x={password}')).toBe(false);
  });

  it('wants the scheme at the very start of the template', () => {
    expect(isAllowedTicketTemplate(' https://tickets.example.com/{user}')).toBe(false);
    expect(isAllowedTicketTemplate('HTTPS://tickets.example.com/{user}')).toBe(true);
  });

  it('answers false, not nothing, for text that is no URL', () => {
    expect(isAllowedLinkUrl('not a url')).toBe(false);
  });
});
