import { t } from '../src/shared/i18n';
import type { AdminRequest } from '../src/shared/admin-request';

/** The readable part of a request (for a person), followed by its token (for the admin's popup). */
export function handoffText(request: AdminRequest, token: string): string {
  const { codes } = request;
  return [
    t('handoff_text_title'),
    t('handoff_text_account', [request.account, request.partition]),
    t('handoff_text_user', request.userName),
    ...(request.serialNumber ? [t('handoff_text_device', request.serialNumber)] : []),
    ...(codes ? [t('handoff_text_codes', [codes.code1, codes.code2, new Date(codes.readAt).toISOString()])] : []),
    t('handoff_text_howto'),
    token,
  ].join('\n');
}

/** A mailto: link to the helpdesk's address when the policy's link is one, else to nobody yet. */
export function mailtoLink(helpdeskUrl: string | undefined, subject: string, body: string): string {
  const address = helpdeskUrl?.startsWith('mailto:') ? helpdeskUrl.slice(7).split('?')[0] : '';
  return `mailto:${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
