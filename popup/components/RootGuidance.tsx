import { t } from '../../src/shared/i18n';
import { isPartition } from '../../src/shared/partitions';
import { signInHomeUrl } from '../../src/shared/signin-hosts';
import { Helpdesk } from './Helpdesk';

/** IAM's API cannot resync the root user's MFA; the sign-in page has its own troubleshooting flow. */
export function RootGuidance({ partition }: { partition: string }) {
  const href = signInHomeUrl(isPartition(partition) ? partition : 'aws');
  return (
    <div class="notice notice-warn" data-testid="root-guidance">
      <strong>{t('root_title')}</strong>
      <p>{t('root_next')}</p>
      <a href={href} target="_blank" rel="noreferrer">
        {t('root_link')}
      </a>
      <Helpdesk />
    </div>
  );
}
