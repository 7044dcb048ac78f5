import { CodesForm } from './components/CodesForm';
import { CredentialsForm } from './components/CredentialsForm';
import { DevicePicker } from './components/DevicePicker';
import { ErrorNotice } from './components/ErrorNotice';
import { HelpdeskContext } from './components/Helpdesk';
import { OutcomeView } from './components/OutcomeView';
// Views off the way to the code fields load on demand (bench/budgets.ts, popup at start).
import { PrefillNotice, RootGuidance, SecondDeviceForm, SkewBanner } from './lazy-views';
import { SessionBar } from './components/SessionBar';
import { WhoseDevice } from './components/WhoseDevice';
import { t } from '../src/shared/i18n';
import { isPartition } from '../src/shared/partitions';
import { isRootArn, useResyncFlow } from './use-resync-flow';

/** The resync flow: credentials → whose device → two codes → outcome. */
export function App() {
  const flow = useResyncFlow();
  const { status, devices, busy, error } = flow;
  if (!status) return <p class="loading">{t('working')}</p>;
  const { session, prefill } = status;
  const isRoot = session ? isRootArn(session.arn) : false;
  const selectedDevice = devices?.devices.find((d) => d.serialNumber === flow.selected);
  const helpdesk = {
    ...(status.helpdeskUrl ? { url: status.helpdeskUrl } : {}),
    ...(status.helpdeskText ? { text: status.helpdeskText } : {}),
  };
  return (
    <HelpdeskContext.Provider value={helpdesk}>
      <div class="popup">
        <header>
          <h1>{t('extName')}</h1>
        </header>
        {prefill && <PrefillNotice prefill={prefill} />}
        <SkewBanner skewMs={status.clockSkewMs} />
        {flow.outcome && <OutcomeView outcome={flow.outcome} returnUrl={prefill?.returnUrl} />}
        {!session && <CredentialsForm busy={busy} error={error} onUnlock={flow.unlock} />}
        {session && (
          <>
            <SessionBar session={session} onLock={flow.lock} onIdleLocked={() => void flow.refreshStatus()} />
            {isRoot && <RootGuidance partition={session.partition} />}
            {!isRoot && (
              <WhoseDevice
                initialUserName={prefill?.hints.userName ?? session.userName ?? ''}
                busy={busy}
                onLoad={(userName) => void flow.loadDevices(userName)}
              />
            )}
            {error && <ErrorNotice error={error} />}
            {devices && session.credentialKind === 'long-term' && (
              <SecondDeviceForm devices={devices.devices} busy={busy} onElevate={flow.elevate} />
            )}
            {devices && (
              <DevicePicker
                devices={devices.devices}
                selected={flow.selected}
                onSelect={flow.setSelected}
                refreshing={flow.listing}
              />
            )}
            {selectedDevice && (
              <CodesForm
                busy={busy}
                device={selectedDevice ?? { userName: '', serialNumber: '' }}
                partition={isPartition(session.partition) ? session.partition : 'aws'}
                showCli={status.copyAsCliEnabled === true}
                canKeepSession={session.credentialKind === 'temporary'}
                skewMs={status.clockSkewMs}
                initialCodes={flow.usableCodes}
                onResync={flow.resync}
              />
            )}
          </>
        )}
      </div>
    </HelpdeskContext.Provider>
  );
}
