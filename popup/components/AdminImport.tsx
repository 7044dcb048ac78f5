import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { parseAdminRequest, type AdminRequest, type AdminRequestProblem } from '../../src/shared/admin-request';
import { codeKey, t } from '../../src/shared/i18n';
import type { SessionView } from '../../src/shared/messages';
import { minutesSeconds } from './SessionBar';

/**
 * How old a request's codes may be before the admin asks for fresh ones. IAM documents no limit;
 * TOTP codes change every 30 s and IAM looks for the pair near its own time, so codes a few
 * minutes old are already a gamble. Fresh codes cost the user one phone call.
 */
export const CODES_MAX_AGE_MS = 3 * 60_000;

export interface AdminImportProps {
  session: SessionView;
  /** The popup was opened from a link whose fragment holds a request. */
  initialText: string;
  onUse: (request: AdminRequest, codes: [string, string] | undefined) => void;
  onClose: () => void;
}

/**
 * "Resync for someone else": the admin pastes the user's request (or opens its link). It is parsed
 * strictly; a request that is malformed, altered or from a newer version prefills nothing.
 */
export function AdminImport({ session, initialText, onUse, onClose }: AdminImportProps) {
  const [text, setText] = useState(initialText);
  // Opened by a button that then goes away: focus moves into the form, not back to the top.
  const field = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => field.current?.focus(), []);
  const [result, setResult] = useState<{ request: AdminRequest; readAt: number } | AdminRequestProblem | undefined>(
    () => read(initialText),
  );

  function read(value: string) {
    if (value.trim() === '') return undefined;
    const parsed = parseAdminRequest(value);
    return parsed.ok ? { request: parsed.request, readAt: Date.now() } : parsed.problem;
  }

  const request = typeof result === 'object' ? result.request : undefined;
  const age = request?.codes ? Date.now() - request.codes.readAt : undefined;
  const fresh = age !== undefined && age >= -30_000 && age <= CODES_MAX_AGE_MS;
  const mismatch = request && (request.partition !== session.partition || request.account !== session.account);
  return (
    <form
      class="card"
      data-testid="admin-import"
      aria-labelledby="import-heading"
      onSubmit={(event) => {
        event.preventDefault();
        setResult(read(text));
      }}
    >
      <h2 id="import-heading">{t('import_heading')}</h2>
      <label for="import-text">{t('import_label')}</label>
      <textarea
        id="import-text"
        ref={field}
        data-testid="import-text"
        rows={4}
        spellcheck={false}
        autocomplete="off"
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <button type="submit" data-testid="import-read" disabled={text.trim() === ''}>
        {t('import_read')}
      </button>
      {typeof result === 'string' && (
        <div class="notice notice-error" role="alert" data-testid="import-error" data-problem={result}>
          <strong>{t(codeKey('import_problem', result))}</strong>
          <p>{t('import_nothing_prefilled')}</p>
        </div>
      )}
      {request && (
        <div class="notice" role="status" data-testid="import-summary">
          <p>{t('import_summary', [request.userName, request.account, request.partition])}</p>
          {request.serialNumber && <p>{t('handoff_text_device', request.serialNumber)}</p>}
          {age !== undefined && (
            <p data-testid="import-code-age" data-fresh={String(fresh)}>
              {fresh ? t('import_codes_age', minutesSeconds(age)) : t('import_codes_stale', minutesSeconds(age))}
            </p>
          )}
          {mismatch && (
            <p data-testid="import-mismatch">{t('import_mismatch', [session.account, session.partition])}</p>
          )}
        </div>
      )}
      {request && !mismatch && (
        <button
          type="button"
          class="primary"
          data-testid="import-use"
          onClick={() =>
            onUse(request, fresh && request.codes ? [request.codes.code1, request.codes.code2] : undefined)
          }
        >
          {t('import_use')}
        </button>
      )}
      <button type="button" data-testid="import-close" onClick={onClose}>
        {t('handoff_back')}
      </button>
    </form>
  );
}
