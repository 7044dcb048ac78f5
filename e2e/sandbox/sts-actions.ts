// STS actions the extension uses: GetCallerIdentity and GetSessionToken (with or without MFA).
import { randomBytes } from 'node:crypto';
import type { ActionHandler } from './action-types';
import { stsErrors } from './query-protocol/aws-error';
import { textElement, xmlElement } from './query-protocol/xml';
import { isSpent, signInStepOf } from './totp-devices';
import { validateParams } from './validation';

const DEFAULT_SESSION_SECONDS = 43_200;

const getCallerIdentity: ActionHandler = (ctx) => {
  const user = ctx.principal.user;
  return (
    textElement('UserId', user.userId) + textElement('Account', ctx.state.accountId) + textElement('Arn', user.arn)
  );
};

const getSessionToken: ActionHandler = (ctx) => {
  validateParams(
    ctx.params,
    [
      { param: 'SerialNumber', required: false, minLength: 9, maxLength: 256, pattern: '[\\w+=/:,.@-]*' },
      { param: 'TokenCode', required: false, minLength: 6, maxLength: 6, pattern: '[\\d]*' },
    ],
    // STS rejects out-of-range durations rather than clamping them, so a client bug shows up here too.
    [{ param: 'DurationSeconds', min: 900, max: 129_600 }],
  );
  if (ctx.principal.credentialKind === 'session') throw stsErrors.sessionCannotGetSessionToken();

  const serial = ctx.params.get('SerialNumber');
  const tokenCode = ctx.params.get('TokenCode');
  let mfaAuthenticated = false;
  if (serial !== undefined || tokenCode !== undefined) {
    const device = serial === undefined ? undefined : ctx.state.devices.get(serial);
    const owned = device !== undefined && device.userName === ctx.principal.user.userName;
    const step = owned && tokenCode !== undefined ? signInStepOf(device, tokenCode, ctx.nowMs) : null;
    if (!owned || step === null || isSpent(device, step)) throw stsErrors.mfaFailed();
    device.lastUsedStep = step;
    mfaAuthenticated = true;
  }

  const durationSeconds = Number(ctx.params.get('DurationSeconds') ?? DEFAULT_SESSION_SECONDS);
  const session = {
    accessKeyId: `ASIA${randomKeySuffix()}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    // Real tokens are long base64 with '+', '/' and '='; keeping those exercises header canonicalisation.
    sessionToken: randomBytes(120).toString('base64'),
    userName: ctx.principal.user.userName,
    expiresAtMs: ctx.nowMs + durationSeconds * 1000,
    mfaAuthenticated,
  };
  ctx.state.sessions.set(session.accessKeyId, session);
  return xmlElement(
    'Credentials',
    textElement('AccessKeyId', session.accessKeyId) +
      textElement('SecretAccessKey', session.secretAccessKey) +
      textElement('SessionToken', session.sessionToken) +
      textElement('Expiration', new Date(session.expiresAtMs).toISOString()),
  );
};

/** 16 characters of the base32 alphabet, like the tail of real access key ids. */
function randomKeySuffix(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return [...randomBytes(16)].map((b) => alphabet[b % 32]).join('');
}

export const STS_ACTIONS: Readonly<Record<string, ActionHandler>> = {
  GetCallerIdentity: getCallerIdentity,
  GetSessionToken: getSessionToken,
};
