import { useState } from 'preact/hooks';
import { t } from '../../src/shared/i18n';

interface Props {
  initialUserName: string;
  busy: boolean;
  onLoad: (userName: string) => void;
}

/** Defaults to the caller; a helpdesk admin types a colleague's IAM user name instead. */
export function WhoseDevice({ initialUserName, busy, onLoad }: Props) {
  const [userName, setUserName] = useState(initialUserName);
  return (
    <form
      class="whose"
      onSubmit={(event) => {
        event.preventDefault();
        onLoad(userName.trim());
      }}
    >
      <label for="user-name">{t('whose_label')}</label>
      <div class="row">
        <input
          id="user-name"
          data-testid="user-name"
          autocomplete="off"
          spellcheck={false}
          value={userName}
          placeholder={t('whose_placeholder')}
          onInput={(e) => setUserName(e.currentTarget.value)}
        />
        <button type="submit" data-testid="load-devices" disabled={busy || userName.trim() === ''}>
          {t('whose_load')}
        </button>
      </div>
    </form>
  );
}
