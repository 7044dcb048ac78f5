// The sandbox's whole IAM policy model: everyone may manage their own user's MFA devices (the AWS
// self-service policy), admins may act on any user. Denials use IAM's message format.
import type { Principal } from './authenticate';
import { iamErrors } from './query-protocol/aws-error';

export function authorizeUserAction(principal: Principal, iamAction: string, targetUserName: string): void {
  if (principal.user.admin || principal.user.userName === targetUserName) return;
  throw iamErrors.notAuthorized(principal.user.arn, iamAction, `user ${targetUserName}`);
}
