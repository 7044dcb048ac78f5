import { useState } from 'preact/hooks';
import type { ErrorView } from '../../src/shared/messages';
import { t } from '../../src/shared/i18n';
import { CredentialsHelp } from './CredentialsHelp';
import { ErrorNotice } from './ErrorNotice';

interface Props {
  busy: boolean;
  error: ErrorView | undefined;
  onUnlock: (paste: string, profile?: string) => Promise<boolean>;
}

/** One paste box for every credential format; the text is dropped once the background has it. */
export function CredentialsForm({ busy, error, onUnlock }: Props) {
  const [paste, setPaste] = useState('');
  const submit = async (profile?: string) => {
    // Clear on success only: a rejected paste stays so the user can fix it.
    if (await onUnlock(paste, profile)) setPaste('');
  };
  const profiles = error?.code === 'InvalidPaste' ? (error.profiles ?? []) : [];
  return (
    <form
      class="card"
      data-testid="credentials-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label for="paste">{t('credentials_label')}</label>
      <textarea
        id="paste"
        data-testid="paste"
        rows={5}
        spellcheck={false}
        autocomplete="off"
        value={paste}
        onInput={(e) => setPaste(e.currentTarget.value)}
        placeholder={t('credentials_placeholder')}
      />
      <p class="hint">{t('credentials_hint')}</p>
      <CredentialsHelp />
      {error && <ErrorNotice error={error} />}
      {profiles.length > 0 && (
        <>
          <label for="profile">{t('profile_label')}</label>
          <select
            id="profile"
            data-testid="profile-select"
            value=""
            onChange={(e) => e.currentTarget.value && void submit(e.currentTarget.value)}
          >
            <option value="">{t('profile_choose')}</option>
            {profiles.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </>
      )}
      <button type="submit" class="primary" disabled={busy || paste.trim() === ''} data-testid="unlock">
        {busy ? t('working') : t('unlock')}
      </button>
    </form>
  );
}
