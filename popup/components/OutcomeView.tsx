import type { ResyncOutcome } from '../../src/shared/messages';
import { t } from '../i18n';
import { ErrorNotice } from './ErrorNotice';

/** The result of the last resync: success says what now works; failure says what to do next. */
export function OutcomeView({ outcome }: { outcome: ResyncOutcome }) {
  if (outcome.status === 'pending') {
    return <p class="notice" role="status" data-testid="outcome-pending">{t('resync_pending')}</p>;
  }
  if (outcome.status === 'succeeded') {
    return (
      <div class="notice notice-success" role="status" data-testid="outcome-success">
        <strong>{t('resync_success_title')}</strong>
        <p>{t('resync_success_next')}</p>
      </div>
    );
  }
  return outcome.error ? <ErrorNotice error={outcome.error} /> : null;
}
