import { useRef } from 'preact/hooks';
import { PARTITIONS } from '../src/shared/partitions';
import type { ManagedSetting } from '../src/shared/effective-settings';
import { isAllowedEndpointOverride } from '../src/shared/settings';
import { t } from '../src/shared/i18n';
import { OrganizationRules } from './OrganizationRules';
import { PolicyErrors } from './PolicyErrors';
import { TextRow, ToggleRow, SelectRow } from './SettingRows';
import { useOptions } from './use-options';
import { cannotTurnOn, targetOf } from './endpoint-choice';
import { ENDPOINT_OFFER_ID, EndpointSummary } from './EndpointSummary';

const MAX_IDLE_MINUTES = 240;

function idleProblem(draft: string, max: number): string | undefined {
  const minutes = Number(draft);
  const ok = draft.trim() !== '' && Number.isInteger(minutes) && minutes >= 1 && minutes <= max;
  return ok ? undefined : t('options_idleLockMinutes_invalid', String(max));
}

function endpointProblem(draft: string): string | undefined {
  const url = draft.trim();
  if (url === '') return undefined;
  return url.length <= 2048 && isAllowedEndpointOverride(url, __SANDBOX_BUILD__)
    ? undefined
    : t('options_endpointOverride_invalid');
}

/** The user's settings, with what the organization decides marked and locked. */
export function OptionsPage() {
  const { state, save } = useOptions();
  // Opened once for a reason, the advanced section stays open: fixing the reason (turning FIPS off,
  // clearing the override) must not fold the controls away under the user's pointer.
  const advancedOpened = useRef(false);
  if (!state) return <p class="loading">{t('options_loading')}</p>;
  const { effective, parsed } = state;
  const isManaged = (setting: ManagedSetting) => effective.managed.includes(setting);
  const idleCap = parsed.policy.idleLockMinutes;
  const target = targetOf(effective);
  const advancedManaged = (['partition', 'fips', 'dualStack', 'endpointOverride'] as const).some(isManaged);
  if (advancedManaged || effective.endpointOverride !== undefined || target.kind === 'refused') {
    advancedOpened.current = true;
  }
  const toggle = (setting: ManagedSetting & keyof typeof effective, hint?: string) => (
    <ToggleRow
      setting={setting}
      checked={effective[setting] === true}
      managed={isManaged(setting)}
      {...(hint ? { hint } : {})}
      {...((setting === 'fips' || setting === 'dualStack') && cannotTurnOn(effective, setting)
        ? { unavailable: { describedBy: ENDPOINT_OFFER_ID } }
        : {})}
      onSave={(value) => void save({ [setting]: value })}
    />
  );

  return (
    <div class="options">
      <h1>{t('options_title')}</h1>
      <OrganizationRules settings={effective} />
      <PolicyErrors errors={parsed.errors} />

      <section>
        <h2>{t('options_section_credentials')}</h2>
        <TextRow
          setting="idleLockMinutes"
          type="number"
          value={String(effective.idleLockMinutes)}
          managed={idleCap !== undefined}
          capped
          {...(idleCap !== undefined ? { hint: t('options_idleLockMinutes_capped', String(idleCap)) } : {})}
          inputProps={{ min: 1, max: idleCap ?? MAX_IDLE_MINUTES, step: 1 }}
          check={(draft) => idleProblem(draft, idleCap ?? MAX_IDLE_MINUTES)}
          onSave={(draft) => void save({ idleLockMinutes: Number(draft) })}
        />
        {toggle('allowLongTermKeys', t('options_allowLongTermKeys_hint'))}
      </section>

      <section>
        <h2>{t('options_section_prompts')}</h2>
        {toggle('contentPromptEnabled')}
        {toggle('copyAsCliEnabled')}
      </section>

      <details open={advancedOpened.current}>
        <summary>{t('options_section_advanced')}</summary>
        <SelectRow
          setting="partition"
          value={effective.partition}
          managed={isManaged('partition')}
          options={PARTITIONS.map((value) => ({ value, label: t(`options_partition_${value.replaceAll('-', '_')}`) }))}
          onSave={(value) => void save({ partition: value })}
        />
        {toggle('fips')}
        {toggle('dualStack')}
        <EndpointSummary partition={effective.partition} target={target} />
        <TextRow
          setting="endpointOverride"
          type="url"
          value={effective.endpointOverride ?? ''}
          managed={isManaged('endpointOverride')}
          hint={t('options_endpointOverride_hint')}
          inputProps={{ placeholder: 'https://' }}
          check={endpointProblem}
          onSave={(draft) => void save({ endpointOverride: draft.trim() === '' ? undefined : draft.trim() })}
        />
      </details>
    </div>
  );
}
