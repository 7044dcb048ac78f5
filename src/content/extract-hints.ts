import type { SignInHints } from '../shared/messages';
import { partitionOfSignInHost } from '../shared/signin-hosts';
import { isShown } from './mfa-step';
import {
  ACCOUNT_FIELD,
  ACCOUNT_SUBDOMAIN,
  MFA_CODE_FIELD,
  ROOT_USER_MARKER,
  SHOWN_ACCOUNT,
  SHOWN_DEVICE,
  SHOWN_USER_NAME,
  USER_NAME_FIELD,
} from './selectors';

// What the sign-in page says about who is signing in, to prefill the resync flow: the account
// (id or alias), the IAM user name, the partition (from the host) and the device when the page
// names it. Sources in order: text the step displays, the URL, and the legacy form's own account
// and user-name fields. A password or MFA code field is never read, whatever a selector matches.

const ACCOUNT_ID = /^\d{12}$/;
// IAM account aliases: 3-63 lower-case letters, digits and hyphens, not starting or ending with one.
const ACCOUNT_ALIAS = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
// IAM's own limits for UserName and SerialNumber (iam-api-ResyncMFADevice).
const USER_NAME = /^[\w+=,.@-]{1,128}$/;
// A serial is an MFA ARN (virtual) or an upper-case hardware serial; a bare device *name* is not.
const SERIAL = /^(?:arn:aws(?:-us-gov|-cn)?:iam::\d{12}:mfa\/[\w+=/,.@-]+|[A-Z0-9]{9,})$/;

function accountOrUndefined(value: string | null | undefined): string | undefined {
  const candidate = value?.trim().toLowerCase();
  return candidate && (ACCOUNT_ID.test(candidate) || ACCOUNT_ALIAS.test(candidate)) ? candidate : undefined;
}

function userNameOrUndefined(value: string | null | undefined): string | undefined {
  const candidate = value?.trim();
  return candidate && USER_NAME.test(candidate) ? candidate : undefined;
}

function serialOrUndefined(value: string | null | undefined): string | undefined {
  const candidate = value?.trim();
  return candidate && candidate.length <= 256 && SERIAL.test(candidate) ? candidate : undefined;
}

function shownText(doc: Document, selector: string): string | undefined {
  const element = doc.querySelector(selector);
  return element && isShown(element) ? (element.textContent ?? undefined) : undefined;
}

/**
 * The value of the legacy form's account or user-name field. These identify who signs in and are
 * what the resync needs; the type and selector checks make sure no secret field is ever read.
 */
function identityFieldValue(doc: Document, selector: string): string | undefined {
  const field = doc.querySelector(selector);
  if (!field || field.tagName !== 'INPUT') return undefined;
  const input = field as HTMLInputElement;
  if (input.type !== 'text' && input.type !== 'email') return undefined;
  if (input.matches(MFA_CODE_FIELD)) return undefined;
  return input.value;
}

function accountFromUrl(url: URL): string | undefined {
  return (
    accountOrUndefined(ACCOUNT_SUBDOMAIN.exec(url.hostname.toLowerCase())?.[1]) ??
    accountOrUndefined(url.searchParams.get('account'))
  );
}

export function extractHints(doc: Document, pageUrl: string): SignInHints {
  const url = new URL(pageUrl);
  const isRoot = doc.querySelector(ROOT_USER_MARKER) !== null;
  const partition = partitionOfSignInHost(url.hostname);
  const account =
    accountOrUndefined(shownText(doc, SHOWN_ACCOUNT)) ??
    accountFromUrl(url) ??
    (isRoot ? undefined : accountOrUndefined(identityFieldValue(doc, ACCOUNT_FIELD)));
  // The root user signs in with an email address, which is no IAM user name.
  const userName = isRoot
    ? undefined
    : (userNameOrUndefined(shownText(doc, SHOWN_USER_NAME)) ??
      userNameOrUndefined(identityFieldValue(doc, USER_NAME_FIELD)));
  const serialNumber = serialOrUndefined(shownText(doc, SHOWN_DEVICE));
  // Absent keys rather than undefined values: the message schema is strict and is sent as JSON.
  return {
    isRoot,
    ...(account ? { account } : {}),
    ...(userName ? { userName } : {}),
    partition,
    ...(serialNumber ? { serialNumber } : {}),
  };
}
