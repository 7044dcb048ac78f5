// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractHints } from './extract-hints';
import { loadFixture } from './fixture-dom';

const here = () => location.href;

describe('hints from what the sign-in page shows', () => {
  it('legacy IAM-user step: account, user and device as displayed; partition from the host', () => {
    loadFixture('legacy/iam-mfa.html', 'https://signin.aws.amazon.com/oauth?client_id=x');
    expect(extractHints(document, here())).toEqual({
      isRoot: false,
      account: '123456789012',
      userName: 'alice',
      partition: 'aws',
      serialNumber: 'arn:aws:iam::123456789012:mfa/alice-phone',
    });
  });

  it('German legacy step without identity lines: the form’s own account and user-name fields', () => {
    loadFixture('legacy/iam-mfa.de.html', 'https://signin.aws.amazon.com/oauth');
    expect(extractHints(document, here())).toEqual({
      isRoot: false,
      account: 'example-corp',
      userName: 'bob',
      partition: 'aws',
    });
  });

  it('the account subdomain of the sign-in URL', () => {
    loadFixture('legacy/iam-mfa.de.html', 'https://example-alias.signin.aws.amazon.com/console');
    expect(extractHints(document, here()).account).toBe('example-alias');
  });

  it('an ?account= parameter', () => {
    loadFixture('legacy/root-mfa.html', 'https://signin.aws.amazon.com/signin?account=210987654321');
    expect(extractHints(document, here()).account).toBe('210987654321');
  });

  it('root user: marked as root, no IAM user name, no account on the page', () => {
    loadFixture('legacy/root-mfa.html', 'https://signin.aws.amazon.com/signin');
    expect(extractHints(document, here())).toEqual({ isRoot: true, partition: 'aws' });
  });

  it('/v2/ app in the China partition, with a hardware token serial', () => {
    loadFixture('v2/mfa.ja.html', 'https://signin.amazonaws.cn/v2/signin');
    expect(extractHints(document, here())).toEqual({
      isRoot: false,
      account: '123456789012',
      userName: 'dave',
      partition: 'aws-cn',
      serialNumber: 'GAHT12345678',
    });
  });

  it('GovCloud host', () => {
    loadFixture('v2/mfa.html', 'https://signin.amazonaws-us-gov.com/v2/signin');
    expect(extractHints(document, here()).partition).toBe('aws-us-gov');
  });

  it('drops what is not a valid account, user name or serial instead of sending it', () => {
    document.body.innerHTML = `
      <span id="mfa_account">-my account-</span>
      <span id="mfa_username">alice smith &lt;script&gt;</span>
      <span id="mfa_device_serial">alice-phone</span>`;
    expect(extractHints(document, 'https://signin.aws.amazon.com/oauth')).toEqual({ isRoot: false, partition: 'aws' });
  });

  it('ignores hidden identity lines', () => {
    document.body.innerHTML = '<p hidden><span id="mfa_account">123456789012</span></p>';
    expect(extractHints(document, 'https://signin.aws.amazon.com/oauth').account).toBeUndefined();
  });

  it('never takes a value from a field that is not a plain text identity field', () => {
    document.body.innerHTML = `<form id="signin_form">
      <input id="account" type="password" value="123456789012">
      <input id="username" name="mfacode" type="text" value="123456">
    </form>`;
    expect(extractHints(document, 'https://signin.aws.amazon.com/oauth')).toEqual({ isRoot: false, partition: 'aws' });
  });
});
