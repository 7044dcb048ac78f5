import type { AdminRequestView, HandoffCreated, Reply, RequestOf } from '../src/shared/messages';
import { encodeAdminRequest, parseAdminRequest, REQUEST_MARKER, type AdminRequest } from '../src/shared/admin-request';
import { fillTicketTemplate } from '../src/shared/ticket-template';
import { readSettings } from './settings-store';

/** Makes the request token from what the user typed, and the ticket URL when the policy has one. */
export async function createHandoff(request: RequestOf<'handoff/create'>): Promise<Reply<HandoffCreated>> {
  const { type: _type, ...fields } = request;
  let token: string;
  try {
    token = encodeAdminRequest(fields as AdminRequest);
  } catch {
    return { ok: false, error: { code: 'HandoffInvalid', problem: 'fields' } };
  }
  const { helpdeskTicketUrlTemplate: template } = await readSettings();
  const ticketUrl = template
    ? fillTicketTemplate(template, {
        partition: fields.partition,
        account: fields.account,
        user: fields.userName,
        serial: fields.serialNumber ?? '',
        request: token.slice(REQUEST_MARKER.length),
      })
    : undefined;
  return { ok: true, value: { token, ...(ticketUrl ? { ticketUrl } : {}) } };
}

/** Parses a pasted request or link; a request that is not exactly right prefills nothing. */
export function openHandoff(request: RequestOf<'handoff/open'>): Reply<AdminRequestView> {
  const parsed = parseAdminRequest(request.text);
  return parsed.ok
    ? { ok: true, value: parsed.request }
    : { ok: false, error: { code: 'HandoffInvalid', problem: parsed.problem } };
}
