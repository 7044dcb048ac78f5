import { t } from '../../src/shared/i18n';
import { Helpdesk } from './Helpdesk';

const SIGN_IN_BY_PARTITION: Readonly<Record<string, string>> = {
  aws: 'https://signin.aws.amazon.com/',
  'aws-us-gov': 'https://signin.amazonaws-us-gov.com/',
  'aws-cn': 'https://signin.amazonaws.cn/',
};

/** IAM's API cannot resync the root user's MFA; the sign-in page has its own troubleshooting flow. */
export function RootGuidance({ partition }: { partition: string }) {
  const href = SIGN_IN_BY_PARTITION[partition] ?? SIGN_IN_BY_PARTITION['aws'];
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
