// The organization's ticket URL for "Ask an admin" (policy `helpdeskTicketUrlTemplate`), e.g.
// `https://tickets.example.com/new?account={account}&user={user}#{request}`. Every value is
// percent-encoded before it goes in, so nothing a user types can add a parameter, a path or a
// scheme; the template itself must be an https: or mailto: URL with only these placeholders.

export const TICKET_PLACEHOLDERS = ['partition', 'account', 'user', 'serial', 'request'] as const;
export type TicketValues = Record<(typeof TICKET_PLACEHOLDERS)[number], string>;

const PLACEHOLDER = /\{([^{}]*)\}/g;
const SAMPLE: TicketValues = { partition: 'aws', account: '123456789012', user: 'u', serial: 's', request: 'r' };

/** An https page without credentials in it, or a mailto: address: never a script or data URL. */
export function isAllowedLinkUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'mailto:') return true;
    return parsed.protocol === 'https:' && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

function fill(template: string, values: TicketValues): string {
  return template.replace(PLACEHOLDER, (_all, name: string) => encodeURIComponent(values[name as keyof TicketValues]));
}

/** Known placeholders only, no stray braces, and an allowed URL once filled in. */
export function isAllowedTicketTemplate(template: string): boolean {
  const names = [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  if (!names.every((name) => (TICKET_PLACEHOLDERS as readonly string[]).includes(name))) return false;
  if (/[{}]/.test(template.replace(PLACEHOLDER, ''))) return false;
  // The scheme must be the template's own, not something a placeholder could supply.
  if (!/^(https:\/\/|mailto:)/i.test(template)) return false;
  return isAllowedLinkUrl(fill(template, SAMPLE));
}

/** The ticket URL for these values, or undefined when the template (or its result) is not allowed. */
export function fillTicketTemplate(template: string, values: TicketValues): string | undefined {
  if (!isAllowedTicketTemplate(template)) return undefined;
  const url = fill(template, values);
  return isAllowedLinkUrl(url) ? url : undefined;
}
