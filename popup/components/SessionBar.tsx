import type { SessionView } from '../../src/shared/messages';
import { t } from '../i18n';

/** Who the pasted credentials belong to, how long they last, and the always-visible Lock. */
export function SessionBar({ session, onLock }: { session: SessionView; onLock: () => void }) {
  const expires = session.expiration
    ? new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(new Date(session.expiration))
    : undefined;
  return (
    <section class="session" data-testid="session">
      <div>
        <div class="arn" data-testid="caller-arn" title={session.arn}>
          {session.arn}
        </div>
        <div class="meta">
          {t(session.credentialKind === 'temporary' ? 'kind_temporary' : 'kind_long_term')}
          {expires && ` · ${t('expires_at', expires)}`}
        </div>
      </div>
      <button type="button" onClick={onLock} data-testid="lock">
        {t('lock')}
      </button>
    </section>
  );
}
