// ListMFADevices returns only SerialNumber and EnableDate, no device type. The type matters because
// FIDO security keys / passkeys cannot be resynced, and hardware tokens need different advice than
// authenticator apps, so the kind is read from the shape of the serial number.

export type MfaDeviceKind = 'virtual' | 'hardware' | 'fido';

interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

// arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE — the resource may itself contain ':' and '/'.
const ARN_PATTERN = /^arn:([a-z][a-z0-9-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws|):(.+)$/;

function splitArn(value: string): ArnParts | undefined {
  const match = ARN_PATTERN.exec(value.trim());
  if (!match) return undefined;
  const [, partition, service, region, account, resource] = match;
  // None of the five groups is optional, so each is a string whenever the pattern matched: this
  // check only narrows the types (noUncheckedIndexedAccess), and no input can tell its mutants apart.
  // Stryker disable all: equivalent, see above
  if (
    partition === undefined ||
    service === undefined ||
    region === undefined ||
    account === undefined ||
    resource === undefined
  ) {
    return undefined;
  }
  // Stryker restore all
  return { partition, service, region, account, resource };
}

/**
 * Virtual MFA serials are ARNs `arn:<partition>:iam::<account>:mfa/<name>` in every partition
 * (aws, aws-us-gov, aws-cn, …); FIDO keys are `…:u2f/…`; hardware TOTP tokens keep the serial printed
 * on the token (e.g. GAHT12345678), which is never an ARN.
 * Any other ARN is treated as virtual: it is not a FIDO key, and IAM itself will answer NoSuchEntity
 * if it names nothing — better than refusing a serial we merely do not recognise.
 */
export function classifySerial(serial: string): MfaDeviceKind {
  const arn = splitArn(serial);
  if (!arn) return 'hardware';
  if (arn.service === 'iam' && arn.resource.startsWith('u2f/')) return 'fido';
  return 'virtual';
}

/** The 12-digit account id of an ARN, or undefined for non-ARNs and account-less ARNs. */
export function accountFromArn(arn: string): string | undefined {
  const parts = splitArn(arn);
  // The pattern's account group is 12 digits, 'aws' or empty, so dropping ^ or $ here changes nothing.
  // Stryker disable next-line Regex: equivalent, see above
  if (!parts || !/^\d{12}$/.test(parts.account)) return undefined;
  return parts.account;
}

/**
 * The partition as written in the ARN (e.g. 'aws', 'aws-us-gov', 'aws-cn'). Returned raw, so callers
 * decide whether a partition the extension has no endpoints for (e.g. 'aws-iso') is an error.
 */
export function partitionFromArn(arn: string): string | undefined {
  return splitArn(arn)?.partition;
}

/** A serial as people read it: an MFA ARN without the `arn:PARTITION:iam::ACCOUNT:` prefix. */
export function shortSerial(serial: string): string {
  return serial.replace(/^arn:[^:]+:iam::\d+:/, '');
}
