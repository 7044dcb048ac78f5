import type { EffectiveSettings } from '../src/shared/effective-settings';
import { t } from '../src/shared/i18n';

/**
 * The policy's rules that are not settings a user could change (allowed accounts, session length)
 * and where to get help. Shown only when the organization manages something.
 */
export function OrganizationRules({ settings }: { settings: EffectiveSettings }) {
  const { allowedAccountIds, sessionMaxMinutes, helpdeskUrl, helpdeskText, managed } = settings;
  const any =
    managed.length > 0 ||
    allowedAccountIds !== undefined ||
    sessionMaxMinutes !== undefined ||
    helpdeskUrl ||
    helpdeskText;
  if (!any) return null;
  return (
    <section class="org" data-testid="organization-rules">
      <p>{t('options_managed_banner')}</p>
      <ul>
        {allowedAccountIds && (
          <li data-testid="org-accounts">
            {allowedAccountIds.length > 0
              ? t('options_org_accounts', allowedAccountIds.join(', '))
              : t('options_org_no_accounts')}
          </li>
        )}
        {sessionMaxMinutes !== undefined && (
          <li data-testid="org-session-max">{t('options_org_session_max', String(sessionMaxMinutes))}</li>
        )}
      </ul>
      {helpdeskText && <p data-testid="helpdesk-text">{helpdeskText}</p>}
      {helpdeskUrl && (
        <p>
          <a href={helpdeskUrl} target="_blank" rel="noopener noreferrer" data-testid="helpdesk-link">
            {t('options_helpdesk_link')}
          </a>
        </p>
      )}
    </section>
  );
}
