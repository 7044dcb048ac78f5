import type { ErrorView } from '../../src/shared/messages';
import { codeKey, t, tOr } from '../../src/shared/i18n';
import { Helpdesk } from './Helpdesk';

function pasteMessage(error: ErrorView): string {
  const format = error.format ? t(codeKey('format', error.format)) : '';
  const missing = (error.missing ?? []).map((field) => t(`credential_field_${field}`)).join(', ');
  return tOr(codeKey('paste', error.problem ?? 'unrecognized'), 'paste_unrecognized', [format, missing]);
}

/** A failure as the user sees it: what happened, what to do next, and AWS's ids for support. */
export function ErrorNotice({ error }: { error: ErrorView }) {
  const isPaste = error.code === 'InvalidPaste';
  const title = isPaste ? pasteMessage(error) : tOr(`error_${error.code}_title`, 'error_Unknown_title');
  const next = isPaste ? '' : tOr(`error_${error.code}_next`, 'error_Unknown_next');
  return (
    <div class="notice notice-error" role="alert" data-testid="error" data-code={error.code}>
      <strong>{title}</strong>
      {next && <p>{next}</p>}
      {error.detail && <p class="detail">{error.detail}</p>}
      {(error.awsCode || error.requestId) && (
        <p class="meta">
          {error.awsCode && <span>{t('aws_error_code', error.awsCode)}</span>}{' '}
          {error.requestId && <span>{t('aws_request_id', error.requestId)}</span>}
        </p>
      )}
      <Helpdesk />
    </div>
  );
}
