import type { ErrorView } from '../../src/shared/messages';
import { isErrorCode, messageKeysFor } from '../../src/shared/error-catalog';
import { codeKey, t, tOr } from '../../src/shared/i18n';
import { Helpdesk } from './Helpdesk';

function pasteMessage(error: ErrorView): string {
  const format = error.format ? t(codeKey('format', error.format)) : '';
  const missing = (error.missing ?? []).map((field) => t(`credential_field_${field}`)).join(', ');
  return tOr(codeKey('paste', error.problem ?? 'unrecognized'), 'paste_unrecognized', [format, missing]);
}

/** Catalog codes get the next step for the step that failed; the popup's own codes (Locked, …) their one. */
function messageKeys(error: ErrorView): { titleKey: string; nextKey: string } {
  if (isErrorCode(error.code)) return messageKeysFor(error.code, error.operation);
  return { titleKey: `error_${error.code}_title`, nextKey: `error_${error.code}_next` };
}

/** A failure as the user sees it: what happened, what to do next, and AWS's ids for support. */
export function ErrorNotice({ error }: { error: ErrorView }) {
  const isPaste = error.code === 'InvalidPaste';
  const keys = messageKeys(error);
  const title = isPaste ? pasteMessage(error) : tOr(keys.titleKey, 'error_Unknown_title');
  const next = isPaste ? '' : tOr(keys.nextKey, 'error_Unknown_next');
  return (
    <div class="notice notice-error" role="alert" data-testid="error" data-code={error.code}>
      <strong>{title}</strong>
      {next && <p>{next}</p>}
      {/* AWS's own wording and ids matter to support, not to the next step: collapsed, so the
          fields to fix stay in view in a 600 px popup; one click opens them. */}
      {(error.detail || error.awsCode || error.requestId) && (
        <details class="error-details">
          <summary>{t('error_details')}</summary>
          {error.detail && <p class="detail">{error.detail}</p>}
          {/* A definition list: each value on its own, selectable for a support ticket. */}
          {(error.awsCode || error.requestId) && (
            <dl class="meta" data-testid="error-ids">
              {error.awsCode && <dt>{t('aws_error_code')}</dt>}
              {error.awsCode && <dd>{error.awsCode}</dd>}
              {error.requestId && <dt>{t('aws_request_id')}</dt>}
              {error.requestId && <dd>{error.requestId}</dd>}
            </dl>
          )}
        </details>
      )}
      <Helpdesk />
    </div>
  );
}
