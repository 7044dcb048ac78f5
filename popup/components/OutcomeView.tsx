import type { ResyncOutcome } from '../../src/shared/messages';
import { t } from '../../src/shared/i18n';
import { ErrorNotice } from './ErrorNotice';

/** The result of the last resync while it is not a success (SuccessView shows that). */
export function OutcomeView({ outcome }: { outcome: ResyncOutcome }) {
  switch (outcome.status) {
    case 'pending':
      return (
        <p class="notice" role="status" data-testid="outcome-pending">
          {t('resync_pending')}
        </p>
      );
    case 'unknown':
      return (
        <div class="notice notice-warn" role="status" data-testid="outcome-unknown">
          <strong>{t('resync_unknown_title')}</strong>
          <p>{t('resync_unknown_next')}</p>
        </div>
      );
    case 'succeeded':
      return null;
    case 'failed':
      return outcome.error ? <ErrorNotice error={outcome.error} /> : null;
  }
}
