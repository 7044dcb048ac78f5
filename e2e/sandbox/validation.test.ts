// ResyncMFADevice input validation, field by field, with AWS's ValidationError wording.
import { ResyncMFADeviceCommand, type ResyncMFADeviceCommandInput } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { form, iamAs, keysOf, sdkError, SERIALS, signAndSend, xmlValue } from './sandbox-test-kit';
import { useTestSandbox } from './use-test-sandbox';

const sb = useTestSandbox();

const valid: ResyncMFADeviceCommandInput = {
  UserName: 'alice',
  SerialNumber: SERIALS.alicePhone,
  AuthenticationCode1: '123456',
  AuthenticationCode2: '654321',
};

const resyncWith = (overrides: Partial<ResyncMFADeviceCommandInput>) =>
  sdkError(iamAs(sb.url, keysOf('alice')).send(new ResyncMFADeviceCommand({ ...valid, ...overrides })));

describe('ResyncMFADevice validation', () => {
  it.each([
    [
      'UserName',
      { UserName: 'x'.repeat(129) },
      `Value '${'x'.repeat(129)}' at 'userName' failed to satisfy constraint: Member must have length less than or equal to 128`,
    ],
    [
      'UserName',
      { UserName: 'al ice' },
      "Value 'al ice' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    ],
    [
      'SerialNumber',
      { SerialNumber: 'GAHT1234' },
      "Value 'GAHT1234' at 'serialNumber' failed to satisfy constraint: Member must have length greater than or equal to 9",
    ],
    [
      'SerialNumber',
      { SerialNumber: 'arn:aws:iam::1:mfa/a b' },
      "Value 'arn:aws:iam::1:mfa/a b' at 'serialNumber' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=/:,.@-]+",
    ],
    [
      'AuthenticationCode1',
      { AuthenticationCode1: '12345' },
      "Value '12345' at 'authenticationCode1' failed to satisfy constraint: Member must have length greater than or equal to 6",
    ],
    [
      'AuthenticationCode2',
      { AuthenticationCode2: '1234567' },
      "Value '1234567' at 'authenticationCode2' failed to satisfy constraint: Member must have length less than or equal to 6",
    ],
    [
      'AuthenticationCode1',
      { AuthenticationCode1: '12345a' },
      "Value '12345a' at 'authenticationCode1' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\d]+",
    ],
  ])('%s: %j → ValidationError 400', async (_field, overrides, clause) => {
    const err = await resyncWith(overrides);
    expect(err).toEqual({ name: 'ValidationError', status: 400, message: `1 validation error detected: ${clause}` });
  });

  it('lists every violation in one message', async () => {
    const err = await resyncWith({ AuthenticationCode1: 'abc', AuthenticationCode2: '' });
    expect(err.message).toMatch(/^4 validation errors detected: /);
    expect(err.message.split('; ')).toHaveLength(4);
    expect(err.message).toContain(
      "Value '' at 'authenticationCode2' failed to satisfy constraint: Member must have length greater than or equal to 6",
    );
  });

  it('rejects a missing parameter with "must not be null" (raw request; the SDK cannot omit it)', async () => {
    const res = await signAndSend(sb.url, {
      credentials: keysOf('alice'),
      body: form({
        Action: 'ResyncMFADevice',
        Version: '2010-05-08',
        UserName: 'alice',
        SerialNumber: SERIALS.alicePhone,
        AuthenticationCode1: '123456',
      }),
    });
    expect(res.status).toBe(400);
    const xml = await res.text();
    expect(xmlValue(xml, 'Code')).toBe('ValidationError');
    expect(xmlValue(xml, 'Type')).toBe('Sender');
    expect(xmlValue(xml, 'Message')).toBe(
      "1 validation error detected: Value null at 'authenticationCode2' failed to satisfy constraint: Member must not be null",
    );
  });

  it('validates before checking permissions or existence', async () => {
    const err = await resyncWith({ UserName: 'bob', AuthenticationCode1: '1' });
    expect(err.name).toBe('ValidationError');
  });
});
