import { ext } from '../src/shared/browser';
import type { ResyncOutcome } from '../src/shared/messages';
import type { Runtime } from 'webextension-polyfill';
import { shortSerial } from '../src/shared/serial-kind';
import { isExtensionPage } from './sender-checks';

// An open popup holds a port named 'popup'. When a resync finishes with no popup open (the user
// closed it mid-flight), a notification tells them the outcome; the popup shows it on reopen too.
// If the worker restarts, the popup's port drops and the popup reconnects, so the set recovers.
const openPopups = new Set<Runtime.Port>();
export const POPUP_PORT = 'popup';

export function trackPopupPorts(): void {
  ext.runtime.onConnect.addListener((port) => {
    if (port.name !== POPUP_PORT || !isExtensionPage(port.sender)) return;
    openPopups.add(port);
    port.onDisconnect.addListener(() => openPopups.delete(port));
  });
}

export async function notifyIfNoPopup(outcome: ResyncOutcome): Promise<void> {
  if (openPopups.size > 0 || outcome.status === 'pending') return;
  const succeeded = outcome.status === 'succeeded';
  // Only the device name and the result: a notification is visible on a locked screen.
  const device = shortSerial(outcome.serialNumber);
  await ext.notifications.create(`resync-${outcome.attemptId}`, {
    type: 'basic',
    iconUrl: ext.runtime.getURL('icons/icon-128.png'),
    title: ext.i18n.getMessage(succeeded ? 'notify_success_title' : 'notify_failure_title'),
    message: ext.i18n.getMessage(succeeded ? 'notify_success_message' : 'notify_failure_message', device),
  });
}
