import { useRef, useState } from 'preact/hooks';
import type { ResyncOutcome } from '../../src/shared/messages';
import { codesStillUsable, pairProblems, splitPastedPair, type PairProblems } from '../code-pair';
import { codeKey, t } from '../../src/shared/i18n';
import { Checkbox } from './Checkbox';
import { CodeRing } from './CodeRing';
import { CopyAsCli } from '../lazy-views';
import type { Partition } from '../../src/shared/partitions';
import type { StatusView } from '../../src/shared/messages';

interface Props {
  busy: boolean;
  device: { userName: string; serialNumber: string };
  partition: Partition;
  /** The effective FIPS / dual-stack / override, for "Copy as AWS CLI" (absent: standard endpoints). */
  endpoints?: StatusView['endpoints'];
  /** Enterprise policy can hide "Copy as AWS CLI". */
  showCli: boolean;
  /** Long-term keys are always wiped after a success, so only temporary ones can be kept. */
  canKeepSession: boolean;
  skewMs: number | undefined;
  /**
   * False while an error notice above already says how to get two new codes (IAM refused the last
   * pair): the same advice twice pushes Resync below the fold at 600 px in German.
   */
  showInstruction?: boolean;
  /** Codes IAM never checked, carried over when the form comes back (e.g. after a re-unlock). */
  initialCodes: [string, string] | undefined;
  onResync: (code1: string, code2: string, keepSession: boolean) => Promise<ResyncOutcome | undefined>;
}

/**
 * The two consecutive codes. Problems are shown per field; a wrong second code never clears the
 * first one, and codes are cleared only once AWS may have consumed them.
 */
export function CodesForm({
  busy,
  device,
  partition,
  endpoints,
  showCli,
  canKeepSession,
  skewMs,
  showInstruction = true,
  initialCodes,
  onResync,
}: Props) {
  const [code1, setCode1] = useState(initialCodes?.[0] ?? '');
  const [code2, setCode2] = useState(initialCodes?.[1] ?? '');
  const [keepSession, setKeepSession] = useState(false);
  const [problems, setProblems] = useState<PairProblems>({});
  const fields = { code1: useRef<HTMLInputElement>(null), code2: useRef<HTMLInputElement>(null) };
  const submitButton = useRef<HTMLButtonElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = pairProblems(code1, code2);
    setProblems(found);
    if (found.code1) return fields.code1.current?.focus();
    if (found.code2) return fields.code2.current?.focus();
    const outcome = await onResync(code1, code2, keepSession);
    if (codesStillUsable(outcome)) return;
    setCode1('');
    setCode2('');
    fields.code1.current?.focus();
  };

  const pastePair = (event: ClipboardEvent) => {
    const pair = splitPastedPair(event.clipboardData?.getData('text') ?? '');
    if (!pair) return;
    event.preventDefault();
    setCode1(pair[0]);
    setCode2(pair[1]);
    setProblems({});
    submitButton.current?.focus();
  };

  const field = (id: 'code1' | 'code2', value: string, set: (value: string) => void) => (
    <div class="field">
      <label for={id}>{t(id === 'code1' ? 'code1_label' : 'code2_label')}</label>
      <input
        id={id}
        ref={fields[id]}
        data-testid={id}
        inputMode="numeric"
        autocomplete="one-time-code"
        maxLength={7}
        value={value}
        aria-invalid={problems[id] ? 'true' : 'false'}
        aria-describedby={problems[id] ? `${id}-problem` : undefined}
        onPaste={pastePair}
        onInput={(e) => {
          const typed = e.currentTarget.value;
          set(typed);
          if (problems[id]) setProblems({ ...problems, [id]: undefined });
          // Six digits in the first field: the user's next step is the second field.
          if (id === 'code1' && /^[0-9]{6}$/.test(typed)) fields.code2.current?.focus();
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
    <form class="card" onSubmit={submit} data-testid="codes-form" noValidate>
      {/* Without the instruction the ring sits beside its caption, one line instead of three. */}
      <div class={showInstruction ? 'instruction' : 'instruction compact'}>
        <CodeRing skewMs={skewMs} />
        {showInstruction && <p class="hint">{t('codes_instruction')}</p>}
      </div>
      <div class="codes">
        {field('code1', code1, setCode1)}
        {field('code2', code2, setCode2)}
      </div>
      {canKeepSession && (
        <Checkbox testId="keep-session" label={t('keep_session')} checked={keepSession} onChange={setKeepSession} />
      )}
      <button type="submit" class="primary" disabled={busy} data-testid="resync" ref={submitButton}>
        {busy ? t('working') : t('resync')}
      </button>
      {showCli && <CopyAsCli {...device} endpoint={{ partition, ...endpoints }} code1={code1} code2={code2} />}
    </form>
  );
}
