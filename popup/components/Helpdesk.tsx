import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { t } from '../../src/shared/i18n';

export interface HelpdeskInfo {
  url?: string;
  text?: string;
}

/** Set by enterprise policy; shown with every failure and with the root-user guidance. */
export const HelpdeskContext = createContext<HelpdeskInfo>({});

export function Helpdesk() {
  const { url, text } = useContext(HelpdeskContext);
  if (!url && !text) return null;
  return (
    <p class="helpdesk" data-testid="helpdesk">
      {text ?? t('helpdesk_default')}{' '}
      {url && (
        <a href={url} target="_blank" rel="noreferrer">
          {t('helpdesk_link')}
        </a>
      )}
    </p>
  );
}
