// Every selector and text pattern the content script uses against AWS sign-in pages, in one place,
// because the live pages change without notice. "facts" = seen in public code that drives or fills
// the live page, source named beside it (details and quotes: docs/signin-evidence.md); "assumed" =
// no public source found: the fixture (e2e/fixtures/signin/) was written to that shape, and
// docs/signin-evidence.md lists these as what to check first when detection misses.

/**
 * The MFA code field, both generations. facts: `#mfacode` on the AngularJS page, `#mfaCode` on the
 * 2024+ app (LazaroOnline/UserScripts-Corp Scripts/Aws-Mfa-Authenticator/src/Aws-Mfa-Authenticator.js
 * `mfaCodeInput`); `name="mfaCode"` on the new app (public console-login automation quoted in
 * docs/signin-evidence.md). assumed: autocomplete=one-time-code (the device chooser's code step).
 */
export const MFA_CODE_FIELD = 'input#mfacode,input#mfaCode,input[name="mfacode" i],input[autocomplete="one-time-code"]';

/**
 * Controls whose click submits the code. facts: `#submitMfa_button`, `[data-testid=mfa-submit-button]`
 * (LazaroOnline/UserScripts-Corp, same file, `submitMfaButton`). Any submit control covers forms
 * that submit some other way.
 */
export const MFA_SUBMIT_CONTROL = '#submitMfa_button,[data-testid="mfa-submit-button"],[type="submit"]';

/**
 * Where a sign-in error is shown. facts (AngularJS page, seen for wrong passwords): `.mainError`,
 * `#main_message`, root `#error_title` (schubergphilis/awsapilib awsapilib/console/console.py and
 * issues 43, 49; knavesec/CredMaster plugins/aws/aws.py). assumed: `#error_message` next to the
 * root title; the new app's error element (not found anywhere public): an ARIA alert or live region.
 */
export const ERROR_REGION =
  '.mainError,#main_message,#error_title,#error_message,[role="alert"],[aria-live="assertive"]';

/**
 * Alerts that are not about the code: dialogs (the "Feedback for AWS Sign-in" modal) and the AWS
 * cookie banner (`#awsccc-…` ids). facts: both are dismissed by public sign-in automation
 * (docs/signin-evidence.md); the prompt must stay silent when they appear after a submit.
 */
export const UNRELATED_ALERT_CONTAINER = '[role="dialog"],[aria-modal="true"],[id^="awsccc"]';

/** An accessible page marks the rejected field itself (assumed; v2/mfa.html after a rejection). */
export const INVALID_FIELD = 'input[aria-invalid="true"]';

/**
 * Containers that survive a re-render, so one MutationObserver on them keeps seeing the form area.
 * facts: the new app's root is `#__next` (sankalpmukim/aws-accounts-manager src/content.ts
 * `isNextApp`). The AngularJS page has no such container: the observer falls back to <body>.
 */
export const STABLE_CONTAINER = '#__next,main,[role="main"]';

/**
 * The page is the root user's sign-in. facts: the AngularJS page's user-type radios
 * `input[name=userType]` with value `rootUser` (sankalpmukim/aws-accounts-manager src/content.ts).
 * assumed: that the chosen radio is still in the DOM on the MFA step; the new app's root
 * marker (no fixture yet).
 */
export const ROOT_USER_MARKER = 'input[name="userType"][value="rootUser"]:checked,[data-testid="root-user-mfa"]';

/**
 * The page's own "troubleshoot MFA" entry, where root MFA is resynced (facts: AWS docs,
 * id_credentials_mfa_sync and the re:Post root MFA troubleshooting page). assumed ids; the href
 * pattern is a fallback.
 */
export const TROUBLESHOOT_LINK =
  '#mfa_troubleshoot_link,[data-testid="mfa-troubleshoot-link"],a[href*="troubleshoot" i]';

/**
 * Who is signing in, as the MFA step displays it. assumed: legacy/*.html show `#mfa_account` /
 * `#mfa_username`; v2/*.html show `[data-testid=identity-account]` / `[data-testid=identity-username]`.
 */
export const SHOWN_ACCOUNT = '#mfa_account,[data-testid="identity-account"]';
export const SHOWN_USER_NAME = '#mfa_username,[data-testid="identity-username"]';

/**
 * The AngularJS form's account and user name fields. facts: `#account`, `#username`
 * (LazaroOnline/UserScripts-Corp `accountIdInput`/`usernameInput`); assumed: inside `form#signin_form`.
 * Only these identity fields are ever read, never a password or code field (see extract-hints.ts).
 */
export const ACCOUNT_FIELD = 'form#signin_form input#account';
export const USER_NAME_FIELD = 'form#signin_form input#username';

/** The device the step names (assumed; legacy/iam-mfa.html shows the ARN, v2/mfa.html a serial). */
export const SHOWN_DEVICE = '#mfa_device_serial,[data-testid="mfa-device-serial"]';

/**
 * Account subdomain of the sign-in URL in every partition (the content script runs on sign-in hosts
 * only): `<id-or-alias>.signin.aws.amazon.com`, `<alias>.signin.amazonaws-us-gov.com`,
 * `<account>.signin.amazonaws.cn` (facts: public code quoted in docs/signin-evidence.md). A region
 * prefix (`us-east-1.signin…`, in the AWS SDK's sign-in endpoint rules) names no account.
 */
export const ACCOUNT_SUBDOMAIN = /^([a-z0-9][a-z0-9-]*)\.signin\./;

// ---- Text sets only the level, never whether a code was rejected: detection works in every
// language from structure alone (legacy/iam-mfa.de.html, v2/mfa.ja.html, classic/*?lang=de|ja|fr).

/**
 * A code that was already used or a step that timed out: a drifted device, so prompt at once.
 * assumed wording (v2/mfa.html?answer=used).
 */
export const CODE_REUSED_OR_EXPIRED_TEXT = /already (?:been )?used|expired|timed? ?out/i;
