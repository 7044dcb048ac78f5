// What people paste into the popup, built from the sandbox's seeded credentials: one builder per
// credential format the extension accepts (see README "Paste the credentials you have"). Every value
// is the sandbox's fake key material; the shapes follow what the AWS CLI and the IAM Identity Center
// portal print.
import { SANDBOX_ACCOUNT_ID, seededKeysOf, seededSessionOf, type SandboxKeyPair } from '../sandbox/seed';

export interface PasteCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** carol-admin's seeded session: valid for an hour in the sandbox, and IAM accepts it (MFA-authenticated). */
export const CAROL_SESSION_KEY_ID = 'ASIASANDBOXCAROL0005';
/** carol-admin's seeded session that expired an hour before the sandbox started. */
export const EXPIRED_SESSION_KEY_ID = 'ASIASANDBOXEXPIRED06';

export const longTermKeys = (userName: string): SandboxKeyPair => seededKeysOf(userName);
export const carolSession = (): Required<PasteCredentials> => seededSessionOf(CAROL_SESSION_KEY_ID);
export const expiredSession = (): Required<PasteCredentials> => seededSessionOf(EXPIRED_SESSION_KEY_ID);

/** ISO 8601 `secondsFromNow` away, in the `+00:00` form `aws sts get-session-token` prints. */
export function stsTimestamp(secondsFromNow: number, now = Date.now()): string {
  return new Date(now + secondsFromNow * 1000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

type Quote = 'double' | 'single' | 'none';
const quoted = (value: string, quote: Quote): string =>
  quote === 'double' ? `"${value}"` : quote === 'single' ? `'${value}'` : value;

/** bash/zsh, as `aws configure export-credentials --format env` or the portal's "macOS and Linux" tab. */
export function bashExport(creds: PasteCredentials, quote: Quote = 'double'): string {
  return [
    `export AWS_ACCESS_KEY_ID=${quoted(creds.accessKeyId, quote)}`,
    `export AWS_SECRET_ACCESS_KEY=${quoted(creds.secretAccessKey, quote)}`,
    ...(creds.sessionToken ? [`export AWS_SESSION_TOKEN=${quoted(creds.sessionToken, quote)}`] : []),
  ].join('\n');
}

/** PowerShell, as the portal's "PowerShell" tab prints it. */
export function powershellEnv(creds: PasteCredentials): string {
  return [
    `$Env:AWS_ACCESS_KEY_ID="${creds.accessKeyId}"`,
    `$Env:AWS_SECRET_ACCESS_KEY="${creds.secretAccessKey}"`,
    ...(creds.sessionToken ? [`$Env:AWS_SESSION_TOKEN="${creds.sessionToken}"`] : []),
  ].join('\n');
}

/** cmd.exe, as the portal's "Windows" tab / `export-credentials --format windows-cmd` prints it. */
export function cmdSet(creds: PasteCredentials): string {
  return [
    `set AWS_ACCESS_KEY_ID=${creds.accessKeyId}`,
    `set AWS_SECRET_ACCESS_KEY=${creds.secretAccessKey}`,
    ...(creds.sessionToken ? [`set AWS_SESSION_TOKEN=${creds.sessionToken}`] : []),
  ].join('\r\n');
}

/** A `~/.aws/credentials` file with several profiles, as someone copies the whole file. */
export function credentialsFile(
  profiles: ReadonlyArray<{ name: string; creds: PasteCredentials; region?: string }>,
): string {
  return profiles
    .map(({ name, creds, region }) =>
      [
        `[${name}]`,
        `aws_access_key_id = ${creds.accessKeyId}`,
        `aws_secret_access_key = ${creds.secretAccessKey}`,
        ...(creds.sessionToken ? [`aws_session_token = ${creds.sessionToken}`] : []),
        ...(region ? [`region = ${region}`] : []),
      ].join('\n'),
    )
    .join('\n\n');
}

/** `aws sts get-session-token` / `assume-role` output, with the command line copied along. */
export function stsJson(creds: Required<PasteCredentials>, expiration: string): string {
  const body = {
    Credentials: {
      AccessKeyId: creds.accessKeyId,
      SecretAccessKey: creds.secretAccessKey,
      SessionToken: creds.sessionToken,
      Expiration: expiration,
    },
  };
  return `$ aws sts get-session-token --serial-number arn:aws:iam::${SANDBOX_ACCOUNT_ID}:mfa/carol-phone --token-code 123456\n${JSON.stringify(body, null, 4)}`;
}

/** `credential_process` / `export-credentials --format process` output. */
export function credentialProcessJson(creds: Required<PasteCredentials>, expiration: string): string {
  return JSON.stringify({
    Version: 1,
    AccessKeyId: creds.accessKeyId,
    SecretAccessKey: creds.secretAccessKey,
    SessionToken: creds.sessionToken,
    Expiration: expiration,
  });
}

/** The IAM Identity Center portal's "Option 2: add a profile to your AWS credentials file". */
export function ssoOption2(creds: Required<PasteCredentials>, roleName = 'AdministratorAccess'): string {
  return [
    `[${SANDBOX_ACCOUNT_ID}_${roleName}]`,
    `aws_access_key_id=${creds.accessKeyId}`,
    `aws_secret_access_key=${creds.secretAccessKey}`,
    `aws_session_token=${creds.sessionToken}`,
  ].join('\n');
}
