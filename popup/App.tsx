import { CodesForm } from './components/CodesForm';
import { CredentialsForm } from './components/CredentialsForm';
import { DevicePicker } from './components/DevicePicker';
import { ErrorNotice } from './components/ErrorNotice';
import { HelpdeskContext } from './components/Helpdesk';
import { OutcomeView } from './components/OutcomeView';
// Views off the way to the code fields load on demand (bench/budgets.ts, popup at start).
import {
  AdminImport,
  AskAdmin,
  PrefillNotice,
  RootGuidance,
  SecondDeviceForm,
  SkewBanner,
  SuccessView,
} from './lazy-views';
import { SessionBar } from './components/SessionBar';
import { WhoseDevice } from './components/WhoseDevice';
import { useState } from 'preact/hooks';
import { t } from '../src/shared/i18n';
import { isPartition } from '../src/shared/partitions';
import { isRootArn, useResyncFlow } from './use-resync-flow';

/** An admin request opened as a link: popup/index.html#mfa-resync-request=… (src/shared/admin-request.ts). */
const requestInLink = location.hash.includes('mfa-resync-request=') ? location.hash : '';

/** A request the admin chose to use: what it prefills (a new `key` remounts the prefilled forms). */
interface Handoff {
  key: number;
  userName: string;
  codes: [string, string] | undefined;
}

/** The resync flow: credentials → whose device → two codes → outcome. */
export function App() {
  const flow = useResyncFlow();
  // Which hand-off view is open; 'closed' once the user left it (so a prefill does not reopen it).
  const [panel, setPanel] = useState<'ask-admin' | 'import' | 'closed' | undefined>(
    requestInLink ? 'import' : undefined,
  );
  const [handoff, setHandoff] = useState<Handoff | undefined>();
  const { status, devices, busy, error } = flow;
  if (!status) return <p class="loading">{t('working')}</p>;
  const { session, prefill } = status;
  const isRoot = session ? isRootArn(session.arn) : false;
  const selectedDevice = devices?.devices.find((d) => d.serialNumber === flow.selected);
  // A success replaces the flow: no credentials box or code fields under it (what next is in it).
  const success = flow.outcome?.status === 'succeeded' ? flow.outcome : undefined;
  // The sign-in prompt's "Ask an admin" opens the request form first; the user may leave it.
  // Hidden until the policy has answered, and for good when it says askAdminEnabled: false.
  const askAdmin = status.askAdminEnabled === true;
  const showAskAdmin = askAdmin && (panel === 'ask-admin' || (panel === undefined && prefill?.askAdmin === true));
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
        {success && (
          <SuccessView
            outcome={success}
            session={session}
            returnUrl={prefill?.returnUrl}
            skewMs={status.clockSkewMs}
            usedCodes={flow.usedCodes}
            flow={flow}
          />
        )}
        {/* Unlocked, a failed resync is shown next to the codes it is about (below), so the fields to
            retype and the Resync button stay in the first 600 px. */}
        {!success && !session && flow.outcome && <OutcomeView outcome={flow.outcome} />}
        {!success && !session && showAskAdmin && (
          <AskAdmin
            hints={prefill?.hints}
            helpdeskUrl={status.helpdeskUrl}
            ticketUrlTemplate={status.ticketUrlTemplate}
            onClose={() => setPanel('closed')}
          />
        )}
        {!success && !session && !showAskAdmin && (
          <>
            <CredentialsForm busy={busy} error={error} onUnlock={flow.unlock} />
            {askAdmin && (
              <button type="button" data-testid="ask-admin" onClick={() => setPanel('ask-admin')}>
                {t('handoff_open')}
              </button>
            )}
          </>
        )}
        {!success && session && (
          <>
            <SessionBar session={session} onLock={flow.lock} onIdleLocked={() => void flow.refreshStatus()} />
            {isRoot && <RootGuidance partition={session.partition} />}
            {!isRoot && (
              <WhoseDevice
                key={handoff?.key}
                initialUserName={handoff?.userName ?? prefill?.hints.userName ?? session.userName ?? ''}
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
            {flow.outcome && <OutcomeView outcome={flow.outcome} />}
            {selectedDevice && (
              <CodesForm
                key={handoff?.key}
                busy={busy}
                device={selectedDevice ?? { userName: '', serialNumber: '' }}
                partition={isPartition(session.partition) ? session.partition : 'aws'}
                {...(status.endpoints ? { endpoints: status.endpoints } : {})}
                showCli={status.copyAsCliEnabled === true}
                canKeepSession={session.credentialKind === 'temporary'}
                skewMs={status.clockSkewMs}
                showInstruction={(error ?? flow.outcome?.error)?.code !== 'InvalidAuthenticationCode'}
                initialCodes={handoff?.codes ?? flow.usableCodes}
                onResync={(code1, code2, keep) => {
                  SuccessView.preload();
                  return flow.resync(code1, code2, keep);
                }}
              />
            )}
            {/* Resyncing for someone else is the rarer task: after the user's own flow, so that flow fits
                the first 600 px. */}
            {!isRoot && panel === 'import' && (
              <AdminImport
                session={session}
                initialText={requestInLink}
                onClose={() => setPanel('closed')}
                onUse={(request, codes) => {
                  setPanel('closed');
                  setHandoff({ key: Date.now(), userName: request.userName, codes });
                  void flow.loadDevices(request.userName, request.serialNumber);
                }}
              />
            )}
            {!isRoot && panel !== 'import' && (
              <button type="button" data-testid="admin-import-open" onClick={() => setPanel('import')}>
                {t('import_open')}
              </button>
            )}
          </>
        )}
      </div>
    </HelpdeskContext.Provider>
  );
}
