// Every selector and text pattern the content script uses against AWS sign-in pages, in one place,
// because the live pages change without notice. Each entry names the fixture(s) under
// e2e/fixtures/signin/ it matches. "facts" = stated in ../shared/design/VERIFIED-FACTS.md (seen in
// public automation code); "assumed" = not documented anywhere we have: the fixture was written to
// this shape, so check these first against the live page when detection misses.

/**
 * The MFA code field (its name in either case). facts: `#mfacode` / `#mfaCode`
 * (legacy/iam-mfa*.html, legacy/root-mfa.html, legacy/success.html; hidden in
 * legacy/password-failure.html). assumed: the /v2/ app names it `mfaCode` and marks it
 * one-time-code (v2/mfa.html, v2/mfa.ja.html, v2/device-chooser.html after a device is chosen).
 */
export const MFA_CODE_FIELD = 'input#mfacode,input#mfaCode,input[name="mfacode" i],input[autocomplete="one-time-code"]';

/**
 * Controls whose click submits the code. facts: `#submitMfa_button`, `[data-testid=mfa-submit-button]`
 * (legacy/*.html, v2/*.html). Any submit control covers forms that submit some other way.
 */
export const MFA_SUBMIT_CONTROL = '#submitMfa_button,[data-testid="mfa-submit-button"],[type="submit"]';

/**
 * Where a sign-in error is shown. facts: `#main_message` (legacy/iam-mfa*.html,
 * legacy/password-failure.html), `#error_title` (legacy/root-mfa.html). assumed: `#error_message`
 * next to the title (legacy/root-mfa.html); the /v2/ app renders an ARIA alert
 * (v2/mfa.html, v2/mfa.ja.html, v2/device-chooser.html).
 */
export const ERROR_REGION = '#main_message,#error_title,#error_message,[role="alert"],[aria-live="assertive"]';

/** An accessible page marks the rejected field itself (assumed; v2/mfa.html after a rejection). */
export const INVALID_FIELD = 'input[aria-invalid="true"]';

/**
 * Containers that survive a re-render, so one MutationObserver on them keeps seeing the form area.
 * assumed: the /v2/ app is Next.js (facts), whose root container is `#__next` (v2/*.html); the
 * legacy page has no such container (legacy/*.html), where the observer falls back to <body>.
 */
export const STABLE_CONTAINER = '#__next,main,[role="main"]';

/**
 * The page is the root user's sign-in. assumed (nothing verified): legacy/root-mfa.html carries
 * a hidden `userType=root` field, the /v2/ app a root marker on its card.
 */
export const ROOT_USER_MARKER = 'input[name="userType"][value="root"],[data-testid="root-user-mfa"]';

/**
 * The page's own "troubleshoot MFA" entry, where root MFA is resynced (facts: the sign-in page has a
 * troubleshoot/re-sync flow). assumed ids (legacy/root-mfa.html); the href pattern is a fallback.
 */
export const TROUBLESHOOT_LINK =
  '#mfa_troubleshoot_link,[data-testid="mfa-troubleshoot-link"],a[href*="troubleshoot" i]';

/**
 * Who is signing in, as the MFA step displays it. assumed: legacy/iam-mfa*.html and
 * legacy/success.html show `#mfa_account` / `#mfa_username`; v2/*.html show
 * `[data-testid=identity-account]` / `[data-testid=identity-username]`.
 */
export const SHOWN_ACCOUNT = '#mfa_account,[data-testid="identity-account"]';
export const SHOWN_USER_NAME = '#mfa_username,[data-testid="identity-username"]';

/**
 * The legacy form's own account and user name fields (facts: `form#signin_form`; assumed ids
 * `#account`, `#username`; legacy/*.html). Only these identity fields are ever read, never a password
 * or code field (see extract-hints.ts).
 */
export const ACCOUNT_FIELD = 'form#signin_form input#account';
export const USER_NAME_FIELD = 'form#signin_form input#username';

/** The device the step names (assumed; legacy/iam-mfa.html shows the ARN, v2/mfa.html a serial). */
export const SHOWN_DEVICE = '#mfa_device_serial,[data-testid="mfa-device-serial"]';

/** Account subdomain of the sign-in URL: `https://<id-or-alias>.signin.aws.amazon.com/console`. */
export const ACCOUNT_SUBDOMAIN = /^([a-z0-9][a-z0-9-]*)\.signin\.aws\.amazon\.com$/;

// ---- English text: only one more signal. The console ships in about 12 languages
// (legacy/iam-mfa.de.html and v2/mfa.ja.html prove detection works without these).

/**
 * facts: "Your authentication information is incorrect. Please try again." (legacy/iam-mfa.html,
 * legacy/root-mfa.html). Used to recognize an error shown in a container not listed above.
 */
export const ENGLISH_CODE_REJECTED =
  /authentication information is incorrect|(?:mfa|authentication) code (?:is )?(?:incorrect|invalid|wrong)/i;

/**
 * A code that was already used or a step that timed out: a drifted device, so prompt at once.
 * assumed wording (v2/mfa.html?answer=used).
 */
export const ENGLISH_CODE_REUSED_OR_EXPIRED = /already (?:been )?used|expired|timed? ?out/i;
