interface Props {
  testId: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A labelled checkbox; the whole label is the click target. */
export function Checkbox({ testId, label, checked, onChange }: Props) {
  return (
    <label class="checkbox">
      <input
        type="checkbox"
        data-testid={testId}
        checked={checked}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      {label}
    </label>
  );
}
