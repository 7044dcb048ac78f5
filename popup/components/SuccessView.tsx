import { useEffect, useState } from 'preact/hooks';
import type { ErrorView, ResyncOutcome, SessionView } from '../../src/shared/messages';
import { sendRequest } from '../send-request';
import { t } from '../../src/shared/i18n';
import { classifySerial } from '../../src/shared/serial-kind';
import { useNow } from '../use-now';
import { minutesSeconds } from './SessionBar';
import { VerifyCheck } from './VerifyCheck';

export interface SuccessViewProps {
  outcome: ResyncOutcome;
  session: SessionView | undefined;
  /** The sign-in page that prompted the resync, to go back and sign in. */
  returnUrl: string | undefined;
  skewMs: number | undefined;
  usedCodes: readonly string[] | undefined;
  /** The parts of the popup's flow (use-resync-flow.ts) this view drives. */
  flow: {
    setOutcome: (outcome: ResyncOutcome | undefined) => void;
    refreshStatus: () => Promise<unknown>;
    lock: () => Promise<void>;
  };
}

/** Why the check is not offered, as one sentence with the step that works instead. */
function unavailableReason(outcome: ResyncOutcome, session: SessionView | undefined): string | undefined {
  if (outcome.check === 'temporary-credentials') return t('verify_unavailable_temporary');
  if (outcome.check === 'other-user') return t('verify_unavailable_other_user', outcome.userName);
  if (outcome.check === 'available' && !session) return t('verify_unavailable_locked');
  return undefined;
}

/**
 * After a successful resync: which device of which user, whether it was checked, and what comes
 * next. It claims the next sign-in will work only after STS accepted the device's next code.
 */
export function SuccessView(props: SuccessViewProps) {
  const { outcome, session, returnUrl, flow } = props;
  const [busy, setBusy] = useState(false);
  const now = useNow();
  const windowLeft = session?.checkOnly ? session.idleLockAt - now : undefined;
  const windowClosed = windowLeft !== undefined && windowLeft <= 0;
  useEffect(() => {
    // The background wiped the keys kept for the check: show that it is no longer possible.
    if (windowClosed) void flow.refreshStatus();
  }, [windowClosed]);

  const verify = async (tokenCode: string): Promise<ErrorView | undefined> => {
    setBusy(true);
    const reply = await sendRequest({ type: 'resync/verify', attemptId: outcome.attemptId, tokenCode });
    setBusy(false);
    // A verified check wiped the keys kept for it; Locked means they were gone already.
    void flow.refreshStatus();
    if (!reply.ok) return reply.error;
    flow.setOutcome(reply.value);
    return undefined;
  };

  // Done: with a session the user chose to keep, back to the flow for another device; otherwise
  // Lock (keys kept only for the check go now, the outcome is forgotten) and back to the start.
  const done = async () => {
    if (!session || session.checkOnly) await flow.lock();
    flow.setOutcome(undefined);
  };

  const verified = outcome.verifiedAt !== undefined;
  const canCheck = !verified && outcome.check === 'available' && session !== undefined;
  const reason = verified ? undefined : unavailableReason(outcome, session);
  return (
    <section class="success" data-testid="success-view">
      <div class="notice notice-success" role="status" data-testid="outcome-success">
        <strong>{t('resync_success_title')}</strong>
        <p data-testid="success-which">{t('resync_success_which', [outcome.serialNumber, outcome.userName])}</p>
        {verified ? (
          <p data-testid="verified">{t('verify_verified')}</p>
        ) : (
          <p data-testid="not-verified">{t('resync_success_next')}</p>
        )}
      </div>
      {canCheck && (
        <VerifyCheck
          busy={busy}
          hardware={classifySerial(outcome.serialNumber) === 'hardware'}
          skewMs={props.skewMs}
          usedCodes={props.usedCodes}
          onVerify={verify}
        />
      )}
      {canCheck && windowLeft !== undefined && (
        <p class="hint" data-testid="check-window">
          {t('verify_window', minutesSeconds(windowLeft))}
        </p>
      )}
      {reason && (
        <p
          class="notice"
          data-testid="verify-unavailable"
          data-reason={outcome.check === 'available' ? 'locked' : outcome.check}
        >
          {reason}
        </p>
      )}
      <div class="actions">
        {returnUrl && (
          <a href={returnUrl} target="_blank" rel="noreferrer" data-testid="return-to-signin">
            {t('return_to_signin')}
          </a>
        )}
        {session && (
          <button type="button" onClick={() => void flow.lock()} data-testid="success-lock">
            {t('lock')}
          </button>
        )}
        <button type="button" class="primary" onClick={() => void done()} data-testid="done">
          {t('done')}
        </button>
      </div>
    </section>
  );
}
