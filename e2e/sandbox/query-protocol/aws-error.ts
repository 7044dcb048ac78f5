// One error type for everything the sandbox answers with an AWS error envelope, so every layer
// (auth, validation, actions, injected faults) fails the same way and the handler renders it once.

export type AwsErrorType = 'Sender' | 'Receiver';

export class AwsError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = code;
  }

  /** AWS marks client faults "Sender" and server faults "Receiver" in the Query error envelope. */
  get type(): AwsErrorType {
    return this.status >= 500 ? 'Receiver' : 'Sender';
  }
}

// Messages below are the ones AWS returns for IAM/STS (as seen in CLI/SDK error reports), so client
// code that shows or matches them behaves as it would against the real service.
export const authErrors = {
  missingAuthenticationToken: () =>
    new AwsError('MissingAuthenticationToken', 403, 'Request is missing Authentication Token'),
  invalidClientTokenId: () =>
    new AwsError('InvalidClientTokenId', 403, 'The security token included in the request is invalid.'),
  expiredToken: () => new AwsError('ExpiredToken', 403, 'The security token included in the request is expired'),
  signatureDoesNotMatch: (
    message = 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  ) => new AwsError('SignatureDoesNotMatch', 403, message),
  incompleteSignature: (message: string) => new AwsError('IncompleteSignature', 400, message),
};

export const requestErrors = {
  missingAction: () => new AwsError('MissingAction', 400, 'Missing Action'),
  invalidAction: (action: string, version: string | undefined) =>
    new AwsError(
      'InvalidAction',
      400,
      `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`,
    ),
  validation: (message: string) => new AwsError('ValidationError', 400, message),
};

export const iamErrors = {
  noSuchUser: (userName: string) =>
    new AwsError('NoSuchEntity', 404, `The user with name ${userName} cannot be found.`),
  noSuchDevice: (serial: string, userName: string) =>
    new AwsError('NoSuchEntity', 404, `MFA Device with serial number ${serial} does not exist for user ${userName}.`),
  invalidAuthenticationCode: () =>
    new AwsError('InvalidAuthenticationCode', 403, 'Authentication code for device is not valid.'),
  notAuthorized: (callerArn: string, action: string, resource: string) =>
    new AwsError(
      'AccessDenied',
      403,
      `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
    ),
};

export const stsErrors = {
  mfaFailed: () =>
    new AwsError('AccessDenied', 403, 'MultiFactorAuthentication failed with invalid MFA one time pass code.'),
  sessionCannotGetSessionToken: () =>
    new AwsError('AccessDenied', 403, 'Cannot call GetSessionToken with session credentials'),
};
