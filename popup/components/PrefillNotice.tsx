import type { Prefill } from '../../src/shared/messages';
import { t } from '../../src/shared/i18n';

/** Says which sign-in attempt opened this flow, from what that page itself showed. */
export function PrefillNotice({ prefill }: { prefill: Prefill }) {
  const { account, userName } = prefill.hints;
  const who = [userName, account].filter(Boolean).join(' @ ');
  return (
    <p class="notice" data-testid="prefill">
      {who ? t('prefill_from_signin_for', who) : t('prefill_from_signin')}
    </p>
  );
}
