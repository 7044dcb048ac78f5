import { useRef, useState } from 'preact/hooks';
import { validateCode, type FieldProblem } from '../../src/shared/resync-validation';
import { codeKey, t } from '../i18n';

interface Props {
  busy: boolean;
  /** Long-term keys are always wiped after a success, so only temporary ones can be kept. */
  canKeepSession: boolean;
  onResync: (code1: string, code2: string, keepSession: boolean) => Promise<void>;
}

/**
 * The two consecutive codes. Problems are shown per field, and a wrong second code never clears
 * the first one.
 */
export function CodesForm({ busy, canKeepSession, onResync }: Props) {
  const [code1, setCode1] = useState('');
  const [code2, setCode2] = useState('');
  const [keepSession, setKeepSession] = useState(false);
  const [problems, setProblems] = useState<{ code1?: FieldProblem; code2?: FieldProblem }>({});
  const secondField = useRef<HTMLInputElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const p1 = validateCode(code1) ?? undefined;
    let p2 = validateCode(code2) ?? undefined;
    if (!p1 && !p2 && code1.replace(/\s/g, '') === code2.replace(/\s/g, '')) p2 = 'same-as-first';
    setProblems({ ...(p1 ? { code1: p1 } : {}), ...(p2 ? { code2: p2 } : {}) });
    if (p1 || p2) return;
    await onResync(code1, code2, keepSession);
    // Codes are single-use: after any answer from AWS the pair is spent, so clear both.
    setCode1('');
    setCode2('');
  };

  const field = (id: 'code1' | 'code2', value: string, set: (value: string) => void) => (
    <div class="field">
      <label for={id}>{t(id === 'code1' ? 'code1_label' : 'code2_label')}</label>
      <input
        id={id}
        ref={id === 'code2' ? secondField : undefined}
        data-testid={id}
        inputMode="numeric"
        autocomplete="one-time-code"
        maxLength={7}
        value={value}
        aria-invalid={problems[id] ? 'true' : 'false'}
        aria-describedby={problems[id] ? `${id}-problem` : undefined}
        onInput={(e) => {
          set(e.currentTarget.value);
          if (id === 'code1' && /^\d{6}$/.test(e.currentTarget.value)) secondField.current?.focus();
        }}
      />
      {problems[id] && (
        <p class="field-problem" id={`${id}-problem`} data-testid={`${id}-problem`}>
          {t(codeKey('field', problems[id] ?? 'required'))}
        </p>
      )}
    </div>
  );

  return (
    <form class="card" onSubmit={submit} data-testid="codes-form">
      <p class="hint">{t('codes_instruction')}</p>
      <div class="codes">
        {field('code1', code1, setCode1)}
        {field('code2', code2, setCode2)}
      </div>
      {canKeepSession && (
        <label class="checkbox">
          <input
            type="checkbox"
            data-testid="keep-session"
            checked={keepSession}
            onChange={(e) => setKeepSession(e.currentTarget.checked)}
          />
          {t('keep_session')}
        </label>
      )}
      <button type="submit" class="primary" disabled={busy} data-testid="resync">
        {busy ? t('working') : t('resync')}
      </button>
    </form>
  );
}
