import * as v from 'valibot';
import type { MessageSender } from '../src/shared/browser';
import { ContentScriptRequest, ExtensionPageRequest, type Reply, type ResponseValue } from '../src/shared/messages';
import { handleContentRequest, readPrefill } from './content-requests';
import { isExtensionPage, isSignInContentScript } from './sender-checks';
import { listDevices } from './list-devices';
import { resyncDevice } from './resync-device';
import { forgetLastOutcome, readLastOutcome } from './resync-attempts';
import { readClockSkewMs } from './clock-skew';
import { unlockVault } from './unlock-vault';
import { elevateSession } from './elevate-session';
import { verifyDevice } from './verify-device';
import { readVault, sessionViewOf, wipeVault } from './vault';
import { readListing } from './device-listing';
import { endpointChoice, readSettingsForDisplay } from './settings-store';

async function status(): Promise<ResponseValue<'vault/status'>> {
  const [{ record, devices }, lastOutcome, clockSkewMs, prefill, settings] = await Promise.all([
    // The device list belongs to the unlocked record: read right after it, alongside the rest.
    readVault().then(async (record) => ({ record, devices: record ? await readListing(record) : undefined })),
    readLastOutcome(),
    readClockSkewMs(),
    readPrefill(),
    readSettingsForDisplay(),
  ]);
  const endpoints = settings ? endpointChoice(settings) : undefined;
  const policyView = settings
    ? {
        // Policy-derived view for the popup (helpdesk on failures, managed markers); never a secret.
        copyAsCliEnabled: settings.copyAsCliEnabled,
        askAdminEnabled: settings.askAdminEnabled,
        // endpoints is defined whenever settings is (this branch): `?.` never short-circuits here.
        // Stryker disable OptionalChaining: equivalent, see above
        endpoints: {
          fips: endpoints?.fips === true,
          dualStack: endpoints?.dualStack === true,
          ...(endpoints?.override ? { override: endpoints.override } : {}),
        },
        // Stryker restore OptionalChaining
        ...(settings.helpdeskUrl ? { helpdeskUrl: settings.helpdeskUrl } : {}),
        ...(settings.helpdeskText ? { helpdeskText: settings.helpdeskText } : {}),
        ...(settings.helpdeskTicketUrlTemplate ? { ticketUrlTemplate: settings.helpdeskTicketUrlTemplate } : {}),
        ...(settings.managed.length > 0 ? { managedSettings: [...settings.managed] } : {}),
      }
    : // Not known yet (the browser just started): nothing the policy decides is shown; the popup asks again.
      { policyPending: true };
  return {
    ...(record ? { session: sessionViewOf(record) } : {}),
    ...(devices ? { devices } : {}),
    ...(prefill ? { prefill } : {}),
    ...(lastOutcome ? { lastOutcome } : {}),
    ...(clockSkewMs !== undefined ? { clockSkewMs } : {}),
    ...policyView,
  };
}

async function dispatch(request: ExtensionPageRequest): Promise<Reply<unknown>> {
  switch (request.type) {
    case 'vault/unlock':
      return unlockVault(request);
    case 'vault/elevate':
      return elevateSession(request);
    case 'vault/status':
    case 'resync/last-outcome':
      return { ok: true, value: await status() };
    case 'vault/lock':
      await Promise.all([wipeVault(), forgetLastOutcome()]);
      return { ok: true, value: await status() };
    case 'devices/list':
      return listDevices(request);
    case 'resync/start':
      return { ok: true, value: await resyncDevice(request) };
    case 'resync/verify':
      return verifyDevice(request);
  }
}

/** A sign-in page's content script: its own small message set, nothing else. */
async function routeContentMessage(message: unknown, sender: MessageSender): Promise<Reply<unknown>> {
  const parsed = v.safeParse(ContentScriptRequest, message);
  if (!parsed.success) {
    console.warn('[mfa-resync] refused a message from a content script that is not in its allowed set');
    return { ok: false, error: { code: 'Refused' } };
  }
  try {
    return await handleContentRequest(parsed.output, sender);
  } catch (error) {
    console.error('[mfa-resync] content request failed', error instanceof Error ? error.name : 'unknown');
    return { ok: false, error: { code: 'Unknown' } };
  }
}

const PAGE_REQUEST_TYPES: ReadonlySet<string> = new Set(
  ExtensionPageRequest.options.map((o) => o.entries.type.literal),
);

/**
 * Log only a type we know, never the payload: it may hold a paste with secrets, and an unknown
 * `type` is payload too (String() of it could also throw, e.g. on a null-prototype object).
 */
function loggableType(message: unknown): string {
  if (typeof message !== 'object' || message === null) return typeof message;
  const { type } = message as { type?: unknown };
  return typeof type === 'string' && PAGE_REQUEST_TYPES.has(type) ? type : `unknown ${typeof type}`;
}

/** Validates sender and shape, then answers; anything else gets a refusal without echoing input. */
export async function routeMessage(message: unknown, sender: MessageSender): Promise<Reply<unknown>> {
  if (isSignInContentScript(sender)) return routeContentMessage(message, sender);
  if (!isExtensionPage(sender)) {
    console.warn('[mfa-resync] refused a message from outside the extension pages');
    return { ok: false, error: { code: 'Refused' } };
  }
  const parsed = v.safeParse(ExtensionPageRequest, message);
  if (!parsed.success) {
    console.warn(`[mfa-resync] refused a malformed message (type ${loggableType(message)})`);
    return { ok: false, error: { code: 'Refused' } };
  }
  try {
    return await dispatch(parsed.output);
  } catch (error) {
    console.error('[mfa-resync] handler failed', error instanceof Error ? error.name : 'unknown');
    return { ok: false, error: { code: 'Unknown' } };
  }
}
