// ResyncMFADevice through the SDK's node build, as the extension's background will call it.
import { GetUserCommand, ListMFADevicesCommand, ResyncMFADeviceCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  controlGet,
  controlPost,
  iamAs,
  keysOf,
  phone,
  sdkError,
  SERIALS,
  signInAccepted,
  startTestSandbox,
  type TestSandbox,
} from './sandbox-test-kit';

let sb: TestSandbox;
let startedAt: number;
beforeAll(async () => {
  sb = await startTestSandbox();
  startedAt = sb.clock.now;
});
afterAll(() => sb.close());
beforeEach(async () => {
  sb.clock.now = startedAt;
  await controlPost(sb.url, 'reset');
});

const resync = (userName: string, serial: string, code1: string, code2: string, as = userName) =>
  iamAs(sb.url, keysOf(as)).send(
    new ResyncMFADeviceCommand({
      UserName: userName,
      SerialNumber: serial,
      AuthenticationCode1: code1,
      AuthenticationCode2: code2,
    }),
  );

interface DeviceState {
  serial: string;
  drift: number;
  offset: number;
  resyncCount: number;
  inSync: boolean;
}
const deviceState = async (serial: string): Promise<DeviceState | undefined> =>
  (await controlGet<{ devices: DeviceState[] }>(sb.url, 'state')).devices.find((d) => d.serial === serial);

describe('ResyncMFADevice happy paths', () => {
  it('fixes a drifted phone: sign-in fails before, works after, with the two codes the phone shows', async () => {
    expect(await signInAccepted(sb.url, SERIALS.alicePhone)).toBe(false);
    const { codes } = await phone(sb.url, SERIALS.alicePhone);
    const out = await resync('alice', SERIALS.alicePhone, codes[0], codes[1]);
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await signInAccepted(sb.url, SERIALS.alicePhone)).toBe(true);
    expect(await deviceState(SERIALS.alicePhone)).toMatchObject({ drift: 5, offset: 6, resyncCount: 1, inSync: true });
  });

  it('stays fixed as time passes (the offset follows the device, not a one-off window)', async () => {
    const { codes } = await phone(sb.url, SERIALS.alicePhone);
    await resync('alice', SERIALS.alicePhone, codes[0], codes[1]);
    sb.clock.now += 10 * 60_000;
    expect(await signInAccepted(sb.url, SERIALS.alicePhone)).toBe(true);
  });

  it('accepts a pair typed a step late (user waited for the next code), and a device behind the server', async () => {
    const { codes } = await phone(sb.url, SERIALS.bobTablet);
    sb.clock.now += 30_000;
    await resync('bob', SERIALS.bobTablet, codes[0], codes[1]);
    expect(await signInAccepted(sb.url, SERIALS.bobTablet)).toBe(true);
    expect((await deviceState(SERIALS.bobTablet))?.offset).toBe(-7);
  });

  it('resyncs a hardware TOTP token by its plain serial', async () => {
    expect(await signInAccepted(sb.url, SERIALS.daveToken)).toBe(false);
    const { codes } = await phone(sb.url, SERIALS.daveToken);
    await resync('dave', SERIALS.daveToken, codes[0], codes[1]);
    expect(await signInAccepted(sb.url, SERIALS.daveToken)).toBe(true);
  });

  it("lets an admin resync another user's device", async () => {
    const { codes } = await phone(sb.url, SERIALS.bobTablet);
    await resync('bob', SERIALS.bobTablet, codes[0], codes[1], 'carol-admin');
    expect(await signInAccepted(sb.url, SERIALS.bobTablet)).toBe(true);
    const calls = await controlGet<Array<{ action: string; caller: string; status: number }>>(sb.url, 'calls');
    expect(calls.at(-1)).toMatchObject({
      action: 'ResyncMFADevice',
      caller: 'arn:aws:iam::123456789012:user/carol-admin',
      status: 200,
    });
  });
});

describe('ResyncMFADevice rejections', () => {
  it('rejects codes in the wrong order with InvalidAuthenticationCode 403 and leaves the device alone', async () => {
    const { codes } = await phone(sb.url, SERIALS.alicePhone);
    const err = await sdkError(resync('alice', SERIALS.alicePhone, codes[1], codes[0]));
    // The SDK turns IAM's modelled error code into an exception class name with the suffix.
    expect(err).toEqual({
      name: 'InvalidAuthenticationCodeException',
      message: 'Authentication code for device is not valid.',
      status: 403,
    });
    expect(await deviceState(SERIALS.alicePhone)).toMatchObject({ offset: 0, resyncCount: 0 });
    expect(await signInAccepted(sb.url, SERIALS.alicePhone)).toBe(false);
  });

  it('rejects two codes that are not consecutive', async () => {
    const first = await phone(sb.url, SERIALS.alicePhone);
    sb.clock.now += 60_000;
    const later = await phone(sb.url, SERIALS.alicePhone);
    expect(later.step).toBe(first.step + 2);
    const err = await sdkError(resync('alice', SERIALS.alicePhone, first.codes[0], later.codes[0]));
    expect(err.name).toBe('InvalidAuthenticationCodeException');
  });

  it('rejects the same valid pair sent again, and a pair that starts with its second code', async () => {
    const { codes } = await phone(sb.url, SERIALS.alicePhone);
    await resync('alice', SERIALS.alicePhone, codes[0], codes[1]);
    const again = await sdkError(resync('alice', SERIALS.alicePhone, codes[0], codes[1]));
    expect(again).toEqual({
      name: 'InvalidAuthenticationCodeException',
      message: 'Authentication code for device is not valid.',
      status: 403,
    });
    sb.clock.now += 30_000;
    const next = await phone(sb.url, SERIALS.alicePhone);
    expect(next.codes[0]).toBe(codes[1]);
    const overlapping = await sdkError(resync('alice', SERIALS.alicePhone, next.codes[0], next.codes[1]));
    expect(overlapping.name).toBe('InvalidAuthenticationCodeException');
    // The refused replays changed nothing: one resync, and the device still signs in.
    expect(await deviceState(SERIALS.alicePhone)).toMatchObject({ resyncCount: 1, inSync: true });
    expect(await signInAccepted(sb.url, SERIALS.alicePhone)).toBe(true);
  });

  it('accepts a fresh pair after a resync (only spent codes are refused)', async () => {
    const { codes } = await phone(sb.url, SERIALS.alicePhone);
    await resync('alice', SERIALS.alicePhone, codes[0], codes[1]);
    sb.clock.now += 60_000;
    const fresh = await phone(sb.url, SERIALS.alicePhone);
    await resync('alice', SERIALS.alicePhone, fresh.codes[0], fresh.codes[1]);
    expect(await deviceState(SERIALS.alicePhone)).toMatchObject({ resyncCount: 2, inSync: true });
  });

  it("rejects another device's codes", async () => {
    const { codes } = await phone(sb.url, SERIALS.bobPhone);
    const err = await sdkError(resync('alice', SERIALS.alicePhone, codes[0], codes[1]));
    expect(err.name).toBe('InvalidAuthenticationCodeException');
  });

  it('rejects a FIDO security key (it has no codes to resync)', async () => {
    const err = await sdkError(resync('alice', SERIALS.aliceYubikey, '123456', '654321'));
    expect(err).toMatchObject({ name: 'InvalidAuthenticationCodeException', status: 403 });
  });

  it('answers NoSuchEntity 404 for an unknown user and for a serial the user does not own', async () => {
    const unknownUser = await sdkError(resync('zed', SERIALS.bobPhone, '123456', '654321', 'carol-admin'));
    expect(unknownUser).toEqual({
      name: 'NoSuchEntityException',
      message: 'The user with name zed cannot be found.',
      status: 404,
    });
    const notHers = await sdkError(resync('alice', SERIALS.bobPhone, '123456', '654321'));
    expect(notHers).toMatchObject({ name: 'NoSuchEntityException', status: 404 });
    expect(notHers.message).toContain(SERIALS.bobPhone);
  });

  it("denies a normal user another user's device with IAM's AccessDenied message", async () => {
    const { codes } = await phone(sb.url, SERIALS.bobTablet);
    const err = await sdkError(resync('bob', SERIALS.bobTablet, codes[0], codes[1], 'alice'));
    expect(err.name).toBe('AccessDenied');
    expect(err.status).toBe(403);
    expect(err.message).toMatch(
      /^User: arn:aws:iam::123456789012:user\/alice is not authorized to perform: iam:ResyncMFADevice on resource: user bob\b/,
    );
    expect(await signInAccepted(sb.url, SERIALS.bobTablet)).toBe(false);
  });
});

describe('GetUser and ListMFADevices', () => {
  it('returns the caller when UserName is omitted', async () => {
    const out = await iamAs(sb.url, keysOf('bob')).send(new GetUserCommand({}));
    expect(out.User).toMatchObject({
      UserName: 'bob',
      UserId: 'AIDASANDBOXBOB0000002',
      Arn: 'arn:aws:iam::123456789012:user/bob',
      Path: '/',
    });
    expect(out.User?.CreateDate).toBeInstanceOf(Date);
  });

  it("lists the caller's devices with serials and enable dates", async () => {
    const out = await iamAs(sb.url, keysOf('alice')).send(new ListMFADevicesCommand({}));
    expect(out.IsTruncated).toBe(false);
    expect(out.MFADevices?.map((d) => [d.UserName, d.SerialNumber])).toEqual([
      ['alice', SERIALS.alicePhone],
      ['alice', SERIALS.aliceYubikey],
    ]);
    expect(out.MFADevices?.[0]?.EnableDate?.toISOString()).toBe('2024-03-01T10:00:00.000Z');
  });

  it('pages with MaxItems and Marker', async () => {
    const iam = iamAs(sb.url, keysOf('bob'));
    const first = await iam.send(new ListMFADevicesCommand({ MaxItems: 1 }));
    expect(first).toMatchObject({ IsTruncated: true, MFADevices: [{ SerialNumber: SERIALS.bobPhone }] });
    const second = await iam.send(new ListMFADevicesCommand({ MaxItems: 1, Marker: first.Marker }));
    expect(second).toMatchObject({ IsTruncated: false, MFADevices: [{ SerialNumber: SERIALS.bobTablet }] });
  });

  it("lets an admin list another user's devices but not a normal user", async () => {
    const byAdmin = await iamAs(sb.url, keysOf('carol-admin')).send(new ListMFADevicesCommand({ UserName: 'dave' }));
    expect(byAdmin.MFADevices?.map((d) => d.SerialNumber)).toEqual([SERIALS.daveToken]);
    const err = await sdkError(iamAs(sb.url, keysOf('alice')).send(new ListMFADevicesCommand({ UserName: 'dave' })));
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toContain('iam:ListMFADevices on resource: user dave');
  });
});
