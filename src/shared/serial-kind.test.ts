import { describe, expect, it } from 'vitest';
import { accountFromArn, classifySerial, partitionFromArn, shortSerial } from './serial-kind';

describe('classifySerial', () => {
  it.each([
    ['arn:aws:iam::123456789012:mfa/alice-phone', 'aws'],
    ['arn:aws-us-gov:iam::123456789012:mfa/alice', 'aws-us-gov'],
    ['arn:aws-cn:iam::123456789012:mfa/alice', 'aws-cn'],
    ['arn:aws:iam::123456789012:mfa/path/to/alice', 'aws (with path)'],
  ])('%s is a virtual device (%s)', (serial) => {
    expect(classifySerial(serial)).toBe('virtual');
  });

  it.each([
    'arn:aws:iam::123456789012:u2f/user/alice/yubikey-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    'arn:aws-us-gov:iam::123456789012:u2f/user/alice/key',
    'arn:aws-cn:iam::123456789012:u2f/root-account-mfa-device/key',
  ])('%s is a FIDO key', (serial) => {
    expect(classifySerial(serial)).toBe('fido');
  });

  it.each(['GAHT12345678', 'GALT87654321', 'R1234', 'SN-00042'])('%s (not an ARN) is a hardware token', (serial) => {
    expect(classifySerial(serial)).toBe('hardware');
  });

  it('ignores surrounding whitespace', () => {
    expect(classifySerial('  arn:aws:iam::123456789012:u2f/user/a/b ')).toBe('fido');
  });

  it('takes only a whole ARN: text before it or a second line after it makes it a hardware serial', () => {
    expect(classifySerial('xarn:aws:iam::123456789012:u2f/user/a/b')).toBe('hardware');
    expect(classifySerial('arn:aws:iam::123456789012:u2f/user/a/b\nGAHT12345678')).toBe('hardware');
  });

  it('does not take "u2f" elsewhere in a virtual device name for a FIDO key', () => {
    expect(classifySerial('arn:aws:iam::123456789012:mfa/u2f-backup')).toBe('virtual');
  });
});

describe('accountFromArn / partitionFromArn', () => {
  it.each([
    ['arn:aws:iam::123456789012:user/alice', '123456789012', 'aws'],
    ['arn:aws-us-gov:sts::210987654321:assumed-role/Helpdesk/bob', '210987654321', 'aws-us-gov'],
    ['arn:aws-cn:iam::111122223333:mfa/carol', '111122223333', 'aws-cn'],
    ['arn:aws-iso:iam::444455556666:root', '444455556666', 'aws-iso'],
  ])('%s → account %s, partition %s', (arn, account, partition) => {
    expect(accountFromArn(arn)).toBe(account);
    expect(partitionFromArn(arn)).toBe(partition);
  });

  it('reads ARNs with a region (STS and other regional services)', () => {
    expect(accountFromArn('arn:aws:sts:us-east-1:123456789012:assumed-role/Admin/alice')).toBe('123456789012');
    expect(partitionFromArn('arn:aws-cn:sts:cn-north-1:123456789012:assumed-role/Admin/alice')).toBe('aws-cn');
  });

  it('has no account for AWS-managed ARNs', () => {
    expect(accountFromArn('arn:aws:iam::aws:policy/IAMUserChangePassword')).toBeUndefined();
    expect(partitionFromArn('arn:aws:iam::aws:policy/IAMUserChangePassword')).toBe('aws');
  });

  it.each(['GAHT12345678', '', 'arn:aws:iam::12345:user/short-account', 'ARN:AWS:IAM::123456789012:user/x', 'arn:aws'])(
    '%j is not an ARN with an account',
    (value) => {
      expect(accountFromArn(value)).toBeUndefined();
    },
  );

  it('has no partition for non-ARNs', () => {
    expect(partitionFromArn('GAHT12345678')).toBeUndefined();
  });
});

describe('shortSerial', () => {
  it('drops the ARN prefix of every partition and leaves hardware serials alone', () => {
    expect(shortSerial('arn:aws:iam::123456789012:mfa/alice-phone')).toBe('mfa/alice-phone');
    expect(shortSerial('arn:aws-cn:iam::123456789012:u2f/user/alice/key')).toBe('u2f/user/alice/key');
    expect(shortSerial('GAHT12345678')).toBe('GAHT12345678');
    // Only a prefix: an ARN quoted inside something else is left as typed.
    expect(shortSerial('see arn:aws:iam::123456789012:mfa/alice')).toBe('see arn:aws:iam::123456789012:mfa/alice');
  });
});
