import { useRef, useState } from 'preact/hooks';
import type { ErrorView } from '../../src/shared/messages';
import { codeKey, t } from '../../src/shared/i18n';
import { validateCode, type FieldProblem } from '../../src/shared/resync-validation';
import { singlePastedCode } from '../code-pair';
import { CodeRing } from './CodeRing';
import { ErrorNotice } from './ErrorNotice';

interface Props {
  busy: boolean;
  hardware: boolean;
  skewMs: number | undefined;
  /** The two codes this popup just sent for the resync: never worth sending again. */
  usedCodes: readonly string[] | undefined;
  onVerify: (tokenCode: string) => Promise<ErrorView | undefined>;
}

/** "Check with the next code": one code field with the ring, then STS says whether it accepts it. */
export function VerifyCheck({ busy, hardware, skewMs, usedCodes, onVerify }: Props) {
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<FieldProblem | undefined>();
  const [error, setError] = useState<ErrorView | undefined>();
  const field = useRef<HTMLInputElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = validateCode(code) ?? undefined;
    setProblem(found);
    if (found) return field.current?.focus();
    const typed = code.replace(/\s/g, '');
    // A code of the resync pair is refused by AWS anyway; say why instead of spending a request.
    const failure = usedCodes?.includes(typed) ? { code: 'CheckCodeAlreadyUsed' } : await onVerify(typed);
    setError(failure);
    if (failure) {
      setCode('');
      field.current?.focus();
    }
  };

  return (
    <form class="card" onSubmit={submit} data-testid="verify-form" noValidate aria-labelledby="verify-heading">
      <h2 id="verify-heading">{t('verify_heading')}</h2>
      <div class="instruction">
        <CodeRing skewMs={skewMs} />
        <p class="hint" id="verify-hint">
          {t(hardware ? 'verify_hardware_hint' : 'verify_virtual_hint')}
        </p>
      </div>
      <div class="field">
        <label for="verify-code">{t('verify_code_label')}</label>
        <input
          id="verify-code"
          ref={field}
          data-testid="verify-code"
          inputMode="numeric"
          autocomplete="one-time-code"
          maxLength={7}
          value={code}
          aria-invalid={problem ? 'true' : 'false'}
          aria-describedby={problem ? 'verify-hint verify-code-problem' : 'verify-hint'}
          onPaste={(event) => {
            const pasted = singlePastedCode(event.clipboardData?.getData('text') ?? '');
            if (!pasted) return;
            event.preventDefault();
            setCode(pasted);
            setProblem(undefined);
          }}
          onInput={(event) => {
            setCode(event.currentTarget.value);
            setProblem(undefined);
          }}
        />
        {problem && (
          <p class="field-problem" id="verify-code-problem" data-testid="verify-code-problem">
            {t(codeKey('field', problem))}
          </p>
        )}
      </div>
      <button type="submit" class="primary" disabled={busy} data-testid="verify">
        {busy ? t('verify_checking') : t('verify_submit')}
      </button>
      {error && <ErrorNotice error={error} />}
    </form>
  );
}
