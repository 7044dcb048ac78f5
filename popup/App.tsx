import { useEffect, useState } from 'preact/hooks';
import type { DeviceList, ErrorView, ResyncOutcome, StatusView } from '../src/shared/messages';
import { CodesForm } from './components/CodesForm';
import { CredentialsForm } from './components/CredentialsForm';
import { DevicePicker } from './components/DevicePicker';
import { ErrorNotice } from './components/ErrorNotice';
import { OutcomeView } from './components/OutcomeView';
import { SessionBar } from './components/SessionBar';
import { t } from './i18n';
import { sendRequest } from './send-request';

/** The resync flow: credentials → device → two codes → outcome. State of record is the background's. */
export function App() {
  const [status, setStatus] = useState<StatusView | undefined>();
  const [devices, setDevices] = useState<DeviceList | undefined>();
  const [selected, setSelected] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<ResyncOutcome | undefined>();
  const [error, setError] = useState<ErrorView | undefined>();
  const [busy, setBusy] = useState(false);

  const loadDevices = async (userName?: string) => {
    const reply = await sendRequest({ type: 'devices/list', ...(userName ? { userName } : {}) });
    if (!reply.ok) return setError(reply.error);
    setError(undefined);
    setDevices(reply.value);
    setSelected(reply.value.devices.find((d) => d.kind !== 'fido')?.serialNumber);
  };

  const refresh = async () => {
    const reply = await sendRequest({ type: 'vault/status' });
    if (!reply.ok) return setError(reply.error);
    setStatus(reply.value);
    // Show an outcome the background finished while the popup was closed.
    if (reply.value.lastOutcome) setOutcome(reply.value.lastOutcome);
    if (reply.value.session) await loadDevices();
  };

  useEffect(() => void refresh(), []);

  const unlock = async (paste: string) => {
    setBusy(true);
    const reply = await sendRequest({ type: 'vault/unlock', paste });
    setBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      return false;
    }
    setError(undefined);
    setOutcome(undefined);
    setStatus((s) => ({ ...s, session: reply.value }));
    await loadDevices();
    return true;
  };

  const lock = async () => {
    const reply = await sendRequest({ type: 'vault/lock' });
    setDevices(undefined);
    if (reply.ok) setStatus(reply.value);
  };

  const resync = async (code1: string, code2: string, keepSession: boolean) => {
    const device = devices?.devices.find((d) => d.serialNumber === selected);
    if (!device) return;
    setBusy(true);
    const reply = await sendRequest({
      type: 'resync/start',
      attemptId: crypto.randomUUID(),
      userName: device.userName,
      serialNumber: device.serialNumber,
      code1,
      code2,
      keepSession,
    });
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    setOutcome(reply.value);
    const after = await sendRequest({ type: 'vault/status' });
    if (after.ok) setStatus(after.value);
  };

  if (!status) return <p class="loading">{t('working')}</p>;
  const session = status.session;
  return (
    <div class="popup">
      <header>
        <h1>{t('extName')}</h1>
      </header>
      {outcome && <OutcomeView outcome={outcome} />}
      {!session && <CredentialsForm busy={busy} error={error} onUnlock={unlock} />}
      {session && (
        <>
          <SessionBar session={session} onLock={lock} />
          {error && <ErrorNotice error={error} />}
          {devices && <DevicePicker devices={devices.devices} selected={selected} onSelect={setSelected} />}
          {selected && (
            <CodesForm busy={busy} canKeepSession={session.credentialKind === 'temporary'} onResync={resync} />
          )}
        </>
      )}
    </div>
  );
}
