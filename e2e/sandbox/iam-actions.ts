// IAM actions the extension uses: GetUser, ListMFADevices, ResyncMFADevice.
import type { ActionContext, ActionHandler } from './action-types';
import { iamErrors } from './query-protocol/aws-error';
import { textElement, xmlElement } from './query-protocol/xml';
import { authorizeUserAction } from './permissions';
import { devicesOf, type SandboxUser } from './sandbox-state';
import { applyResync, findConsecutivePair, isSpent } from './totp-devices';
import { SERIAL_NUMBER_RULE, SIX_DIGIT_CODE_RULE, USER_NAME_RULE, validateParams } from './validation';

/** UserName is optional on these reads; omitted means the caller, as in IAM. */
function targetUser(ctx: ActionContext, iamAction: string): SandboxUser {
  const userName = ctx.params.get('UserName') ?? ctx.principal.user.userName;
  authorizeUserAction(ctx.principal, iamAction, userName);
  const user = ctx.state.users.get(userName);
  if (!user) throw iamErrors.noSuchUser(userName);
  return user;
}

const getUser: ActionHandler = (ctx) => {
  validateParams(ctx.params, [{ param: 'UserName', required: false, ...USER_NAME_RULE }]);
  const user = targetUser(ctx, 'iam:GetUser');
  return xmlElement(
    'User',
    textElement('Path', '/') +
      textElement('UserName', user.userName) +
      textElement('UserId', user.userId) +
      textElement('Arn', user.arn) +
      textElement('CreateDate', user.createDate),
  );
};

const listMfaDevices: ActionHandler = (ctx) => {
  validateParams(
    ctx.params,
    [
      { param: 'UserName', required: false, ...USER_NAME_RULE },
      { param: 'Marker', required: false, minLength: 1, maxLength: 320, pattern: '[\\u0020-\\u00FF]+' },
    ],
    [{ param: 'MaxItems', min: 1, max: 1000 }],
  );
  const user = targetUser(ctx, 'iam:ListMFADevices');
  const all = devicesOf(ctx.state, user.userName);
  // Paging exists so a client that passes MaxItems sees IAM's IsTruncated/Marker contract.
  const start = Number(ctx.params.get('Marker') ?? '0') || 0;
  const maxItems = Number(ctx.params.get('MaxItems') ?? '100');
  const page = all.slice(start, start + maxItems);
  const truncated = start + page.length < all.length;
  const members = page
    .map((d) =>
      xmlElement(
        'member',
        textElement('UserName', d.userName) +
          textElement('SerialNumber', d.serial) +
          textElement('EnableDate', d.enableDate),
      ),
    )
    .join('');
  return (
    textElement('IsTruncated', truncated) +
    xmlElement('MFADevices', members) +
    (truncated ? textElement('Marker', String(start + page.length)) : '')
  );
};

const resyncMfaDevice: ActionHandler = (ctx) => {
  validateParams(ctx.params, [
    { param: 'UserName', required: true, ...USER_NAME_RULE },
    { param: 'SerialNumber', required: true, ...SERIAL_NUMBER_RULE },
    { param: 'AuthenticationCode1', required: true, ...SIX_DIGIT_CODE_RULE },
    { param: 'AuthenticationCode2', required: true, ...SIX_DIGIT_CODE_RULE },
  ]);
  const user = targetUser(ctx, 'iam:ResyncMFADevice');
  const serial = ctx.params.get('SerialNumber') ?? '';
  const device = ctx.state.devices.get(serial);
  if (!device || device.userName !== user.userName) throw iamErrors.noSuchDevice(serial, user.userName);
  // A FIDO key has no codes, so no pair of six digits can match it; IAM's generic answer for codes
  // that do not fit the device is InvalidAuthenticationCode, which is also what clients must handle.
  const firstStep = findConsecutivePair(
    device,
    ctx.params.get('AuthenticationCode1') ?? '',
    ctx.params.get('AuthenticationCode2') ?? '',
    ctx.nowMs,
  );
  // A spent code gets the same answer as a wrong one: IAM documents no other error for codes.
  if (firstStep === null || isSpent(device, firstStep)) throw iamErrors.invalidAuthenticationCode();
  applyResync(device, firstStep, ctx.nowMs);
  return null;
};

export const IAM_ACTIONS: Readonly<Record<string, ActionHandler>> = {
  GetUser: getUser,
  ListMFADevices: listMfaDevices,
  ResyncMFADevice: resyncMfaDevice,
};
