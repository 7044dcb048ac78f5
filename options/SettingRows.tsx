import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ManagedSetting } from '../src/shared/effective-settings';
import { t } from '../src/shared/i18n';

// One row per setting. A row the policy decides is marked `data-managed="true"`, shows "Set by your
// organization" and its control is disabled, so the page never offers a change that would not apply.

interface RowProps {
  setting: ManagedSetting;
  managed: boolean;
  /** The policy only limits this setting (idle lock): the control stays usable. */
  capped?: boolean;
  hint?: string;
  problem?: string;
  children: ComponentChildren;
}

export const controlId = (setting: ManagedSetting) => `option-${setting}`;

function Row({ setting, managed, capped = false, hint, problem, children }: RowProps) {
  return (
    <div class="row" data-testid={`row-${setting}`} data-managed={managed ? 'true' : 'false'}>
      {children}
      {managed && (
        <span class="badge" data-testid={`managed-${setting}`}>
          {t(capped ? 'options_capped_badge' : 'options_managed_badge')}
        </span>
      )}
      {hint && <p class="hint">{hint}</p>}
      {problem && (
        <p class="problem" role="alert" data-testid={`problem-${setting}`}>
          {problem}
        </p>
      )}
    </div>
  );
}

interface ToggleProps {
  setting: ManagedSetting;
  checked: boolean;
  managed: boolean;
  hint?: string;
  /** Off and not offered here (e.g. FIPS in AWS China): disabled, described by the element `describedBy`. */
  unavailable?: { describedBy: string };
  onSave: (value: boolean) => void;
}

export function ToggleRow({ setting, checked, managed, hint, unavailable, onSave }: ToggleProps) {
  return (
    <Row setting={setting} managed={managed} {...(hint ? { hint } : {})}>
      <label class="toggle">
        <input
          type="checkbox"
          id={controlId(setting)}
          data-testid={controlId(setting)}
          checked={checked}
          disabled={managed || unavailable !== undefined}
          aria-describedby={unavailable?.describedBy}
          onChange={(event) => onSave(event.currentTarget.checked)}
        />
        <span>{t(`options_${setting}_label`)}</span>
      </label>
    </Row>
  );
}

interface SelectProps {
  setting: ManagedSetting;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  managed: boolean;
  onSave: (value: string) => void;
}

export function SelectRow({ setting, value, options, managed, onSave }: SelectProps) {
  return (
    <Row setting={setting} managed={managed}>
      <label for={controlId(setting)}>{t(`options_${setting}_label`)}</label>
      <select
        id={controlId(setting)}
        data-testid={controlId(setting)}
        value={value}
        disabled={managed}
        onChange={(event) => onSave(event.currentTarget.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Row>
  );
}

interface TextProps {
  setting: ManagedSetting;
  /** The stored (or enforced) value; the field shows it until the user types. */
  value: string;
  type: 'url' | 'number';
  managed: boolean;
  capped?: boolean;
  hint?: string;
  /** Returns a message when `draft` cannot be saved, or undefined when it can. */
  check: (draft: string) => string | undefined;
  onSave: (draft: string) => void;
  inputProps?: { min?: number; max?: number; step?: number; placeholder?: string };
}

/** A typed-in value: saved as soon as it is valid, otherwise kept in the field with the reason. */
export function TextRow({ setting, value, type, managed, capped = false, hint, check, onSave, inputProps }: TextProps) {
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string>();
  // A change from elsewhere (policy, another tab) replaces the field, unless it holds an unsaved draft.
  useEffect(() => {
    if (!problem) setDraft(value);
  }, [value]);
  const field = {
    id: controlId(setting),
    'data-testid': controlId(setting),
    value: draft,
    disabled: managed && !capped,
    'aria-invalid': problem ? ('true' as const) : ('false' as const),
    ...inputProps,
    onInput: (event: Event) => {
      const next = (event.currentTarget as HTMLInputElement).value;
      setDraft(next);
      const reason = check(next);
      setProblem(reason);
      if (!reason) onSave(next);
    },
  };
  return (
    <Row
      setting={setting}
      managed={managed}
      capped={capped}
      {...(hint ? { hint } : {})}
      {...(problem ? { problem } : {})}
    >
      <label for={controlId(setting)}>{t(`options_${setting}_label`)}</label>
      {type === 'number' ? <input type="number" {...field} /> : <input type="url" {...field} />}
    </Row>
  );
}
