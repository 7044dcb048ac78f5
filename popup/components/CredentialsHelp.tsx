import { t } from '../../src/shared/i18n';

const CASES = ['locked_out', 'admin', 'second_device'] as const;

/** "Where do I get these?": one short answer per situation people are actually in. */
export function CredentialsHelp() {
  return (
    <details class="help" data-testid="credentials-help">
      <summary>{t('help_summary')}</summary>
      {CASES.map((name) => (
        <div key={name}>
          <strong>{t(`help_${name}_title`)}</strong>
          <p class="hint">{t(`help_${name}_body`)}</p>
        </div>
      ))}
    </details>
  );
}
