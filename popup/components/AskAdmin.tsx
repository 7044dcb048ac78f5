import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { encodeAdminRequest, REQUEST_MARKER, type AdminRequest } from '../../src/shared/admin-request';
import { codeKey, t } from '../../src/shared/i18n';
import type { SignInHints } from '../../src/shared/messages';
import { PARTITIONS, isPartition } from '../../src/shared/partitions';
import { validateSerialNumber, validateUserName } from '../../src/shared/resync-validation';
import { fillTicketTemplate } from '../../src/shared/ticket-template';
import { pairProblems } from '../code-pair';
import { handoffText, mailtoLink } from '../handoff-text';

export interface AskAdminProps {
  /** What the sign-in page showed, when its prompt opened the popup. */
  hints: SignInHints | undefined;
  helpdeskUrl: string | undefined;
  /** When set (and it fills to an allowed URL), the ticket form is the only route offered. */
  ticketUrlTemplate: string | undefined;
  onClose: () => void;
}

type Field = 'account' | 'userName' | 'serialNumber' | 'code1' | 'code2';

/**
 * "Ask an admin" for a user who holds no credentials: names the device (and, if the user likes,
 * two codes with the time they were read), never a password or a key. It leaves as text to copy
 * or an email, or, where the policy sets a ticket URL, through that ticket form only.
 */
export function AskAdmin({ hints, helpdeskUrl, ticketUrlTemplate, onClose }: AskAdminProps) {
  const [values, setValues] = useState<Record<Field, string>>({
    account: hints?.account?.replace(/\D/g, '') ?? '',
    userName: hints?.userName ?? '',
    serialNumber: hints?.serialNumber ?? '',
    code1: '',
    code2: '',
  });
  const [partition, setPartition] = useState(hints?.partition ?? 'aws');
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [made, setMade] = useState<{ request: AdminRequest; token: string } | undefined>();
  const [copied, setCopied] = useState(false);
  // Opened by a button that then goes away, or by the sign-in prompt: focus goes to the first field
  // still to fill (the codes, when the page told the rest), so a keyboard user starts there. In
  // the same commit as the form itself (layout effect): a key pressed the moment it shows lands there.
  const form = useRef<HTMLFormElement>(null);
  useLayoutEffect(() => {
    const fields = [...(form.current?.querySelectorAll('input') ?? [])];
    (fields.find((input) => input.value === '') ?? form.current?.querySelector('select'))?.focus();
  }, []);

  const make = (event: Event) => {
    event.preventDefault();
    const withCodes = values.code1 !== '' || values.code2 !== '';
    const found: Partial<Record<Field, string>> = {
      ...(/^\d{12}$/.test(values.account) ? {} : { account: 'not-an-account-id' }),
      ...(validateUserName(values.userName) ? { userName: validateUserName(values.userName) ?? '' } : {}),
      ...(values.serialNumber && validateSerialNumber(values.serialNumber)
        ? { serialNumber: validateSerialNumber(values.serialNumber) ?? '' }
        : {}),
      ...(withCodes ? pairProblems(values.code1, values.code2) : {}),
    };
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const request: AdminRequest = {
      partition: isPartition(partition) ? partition : 'aws',
      account: values.account,
      userName: values.userName.trim(),
      ...(values.serialNumber ? { serialNumber: values.serialNumber.trim() } : {}),
      ...(withCodes
        ? {
            codes: {
              code1: values.code1.replace(/\s/g, ''),
              code2: values.code2.replace(/\s/g, ''),
              readAt: Date.now(),
            },
          }
        : {}),
    };
    const token = encodeAdminRequest(request);
    if (token) setMade({ request, token });
  };

  const field = (id: Field, label: string, optional = false) => (
    <div class="field">
      <label for={`ask-${id}`}>{optional ? t('handoff_optional', label) : label}</label>
      <input
        id={`ask-${id}`}
        data-testid={`ask-${id}`}
        autocomplete="off"
        spellcheck={false}
        value={values[id]}
        aria-invalid={problems[id] ? 'true' : 'false'}
        aria-describedby={problems[id] ? `ask-${id}-problem` : undefined}
        onInput={(e) => {
          setValues({ ...values, [id]: e.currentTarget.value });
          setMade(undefined);
        }}
      />
      {problems[id] && (
        <p class="field-problem" id={`ask-${id}-problem`} data-testid={`ask-${id}-problem`}>
          {t(codeKey('field', problems[id] ?? 'required'))}
        </p>
      )}
    </div>
  );

  const text = made ? handoffText(made.request, made.token) : '';
  const ticketUrl =
    made && ticketUrlTemplate
      ? fillTicketTemplate(ticketUrlTemplate, {
          partition: made.request.partition,
          account: made.request.account,
          user: made.request.userName,
          serial: made.request.serialNumber ?? '',
          request: made.token.slice(REQUEST_MARKER.length),
        })
      : undefined;
  return (
    <form ref={form} class="card" data-testid="ask-admin-form" onSubmit={make} noValidate aria-labelledby="ask-heading">
      <h2 id="ask-heading">{t('handoff_heading')}</h2>
      <p class="hint">{t('handoff_intro')}</p>
      <div class="field">
        <label for="ask-partition">{t('handoff_partition')}</label>
        <select
          id="ask-partition"
          data-testid="ask-partition"
          value={partition}
          onChange={(e) => setPartition(e.currentTarget.value as typeof partition)}
        >
          {PARTITIONS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      {field('account', t('handoff_account'))}
      {field('userName', t('handoff_user'))}
      {field('serialNumber', t('handoff_serial'), true)}
      <p class="hint">{t('handoff_codes_hint')}</p>
      <div class="codes">
        {field('code1', t('code1_label'), true)}
        {field('code2', t('code2_label'), true)}
      </div>
      <button type="submit" class="primary" data-testid="ask-make">
        {t('handoff_make')}
      </button>
      {made && ticketUrl && (
        // The organization's ticket form is its only route: no text to copy, no email beside it.
        <>
          <p class="hint">{t('handoff_ticket_only')}</p>
          <div class="actions">
            <a data-testid="ask-ticket" href={ticketUrl} target="_blank" rel="noreferrer">
              {t('handoff_ticket')}
            </a>
          </div>
        </>
      )}
      {made && !ticketUrl && (
        <>
          <label for="ask-text">{t('handoff_text_label')}</label>
          <textarea id="ask-text" data-testid="ask-text" rows={7} readOnly value={text} />
          <div class="actions">
            <button
              type="button"
              data-testid="ask-copy"
              onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}
            >
              {copied ? t('handoff_copied') : t('handoff_copy')}
            </button>
            <a data-testid="ask-email" href={mailtoLink(helpdeskUrl, t('handoff_text_title'), text)}>
              {t('handoff_email')}
            </a>
          </div>
        </>
      )}
      <button type="button" data-testid="ask-close" onClick={onClose}>
        {t('handoff_back')}
      </button>
    </form>
  );
}
