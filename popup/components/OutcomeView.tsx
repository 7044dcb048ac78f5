import type { ResyncOutcome } from '../../src/shared/messages';
import { t } from '../../src/shared/i18n';
import { ErrorNotice } from './ErrorNotice';

interface Props {
  outcome: ResyncOutcome;
  /** The sign-in page that prompted the resync, to go back and sign in. */
  returnUrl: string | undefined;
}

/** The result of the last resync: success says what now works; failure says what to do next. */
export function OutcomeView({ outcome, returnUrl }: Props) {
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
      return (
        <div class="notice notice-success" role="status" data-testid="outcome-success">
          <strong>{t('resync_success_title')}</strong>
          <p>{t('resync_success_next')}</p>
          {returnUrl && (
            <a href={returnUrl} target="_blank" rel="noreferrer" data-testid="return-to-signin">
              {t('return_to_signin')}
            </a>
          )}
        </div>
      );
    case 'failed':
      return outcome.error ? <ErrorNotice error={outcome.error} /> : null;
  }
}
