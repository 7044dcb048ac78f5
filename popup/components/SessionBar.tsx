import { useEffect } from 'preact/hooks';
import type { SessionView } from '../../src/shared/messages';
import { t } from '../../src/shared/i18n';
import { useNow } from '../use-now';

interface Props {
  session: SessionView;
  onLock: () => void;
  /** Called once the idle lock time has passed, so the popup can show the vault is locked. */
  onIdleLocked: () => void;
}

export function minutesSeconds(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const seconds = String(total % 60).padStart(2, '0');
  return `${Math.floor(total / 60)}:${seconds}`;
}

/** Who the pasted credentials belong to, how long they last, the idle countdown, and Lock. */
export function SessionBar({ session, onLock, onIdleLocked }: Props) {
  const now = useNow();
  const idleLeft = session.idleLockAt - now;
  // Idle lock or credential expiry: the background wipes the vault, the popup follows at once.
  const over = idleLeft <= 0 || (session.expiration !== undefined && Date.parse(session.expiration) <= now);
  useEffect(() => {
    if (over) onIdleLocked();
  }, [over]);
  const expires = session.expiration
    ? new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(new Date(session.expiration))
    : undefined;
  const kind = session.mfaSession
    ? 'kind_mfa_session'
    : session.credentialKind === 'temporary'
      ? 'kind_temporary'
      : 'kind_long_term';
  return (
    <section class="session" data-testid="session" data-kind={session.credentialKind}>
      <div>
        <div class="arn" data-testid="caller-arn" title={session.arn}>
          {session.arn}
        </div>
        <div class="meta">
          {t(kind)}
          {expires && ` · ${t('expires_at', expires)}`}
        </div>
        <div class="meta countdown" data-testid="idle-countdown">
          {t('idle_lock_in', minutesSeconds(idleLeft))}
        </div>
      </div>
      <button type="button" onClick={onLock} data-testid="lock">
        {t('lock')}
      </button>
    </section>
  );
}
