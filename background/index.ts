import { ext, type MessageSender } from '../src/shared/browser';
import { routeMessage } from './message-router';
import { trackPopupPorts } from './popup-presence';
import { EXPIRY_ALARM, IDLE_ALARM, wipeVault } from './vault';
import { SWEEP_ALARM, sweepTabRecords, watchSignInTabs } from './signin-tab-state';

// Listeners are registered synchronously at top level: Chrome only delivers events that wake a
// stopped worker to listeners that exist right after the script's first run.
ext.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => routeMessage(message, sender));

trackPopupPorts();
watchSignInTabs();

ext.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === IDLE_ALARM || alarm.name === EXPIRY_ALARM) void wipeVault();
  if (alarm.name === SWEEP_ALARM) void sweepTabRecords();
});

// storage.session is already empty after a browser restart; wiping again also clears alarms left
// from the previous run, so a stale alarm can never act on a new session.
ext.runtime.onStartup.addListener(() => void wipeVault());
