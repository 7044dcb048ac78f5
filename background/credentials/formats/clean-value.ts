// Values arrive wrapped in whatever the source used: shell quotes, "smart" quotes from a chat app or
// a wiki, trailing spaces, a trailing `;` or an inline comment. AWS keys, secrets and tokens are
// plain base64/alphanumeric and never contain whitespace, quotes, '#' or ';', so anything of that
// kind around them is packaging and can be cut away without risk of damaging a real value.

const QUOTE_PAIRS: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ["'", "'"],
  ['\u201C', '\u201D'], // “ ”
  ['\u2018', '\u2019'], // ‘ ’
]);

const STRAY_QUOTES = /^["'\u201C\u201D\u2018\u2019]+|["'\u201C\u201D\u2018\u2019]+$/g;

/** The value of a `NAME=value` assignment: the quoted part, or up to the first whitespace. */
export function cleanAssignedValue(raw: string): string | undefined {
  const text = raw.trim();
  const opening = text.charAt(0);
  const closing = QUOTE_PAIRS.get(opening);
  let value: string;
  if (closing !== undefined) {
    const end = text.indexOf(closing, 1);
    // An unterminated quote (a paste cut short) still yields what follows it.
    // Stryker disable next-line StringLiteral: equivalent — split() always returns at least one string, so `?? ''` never applies
    value = end === -1 ? (text.slice(1).split(/[\s;]/, 1)[0] ?? '') : text.slice(1, end);
  } else {
    // Unquoted: stop at whitespace or ';', then drop stray quotes left by a half-quoted paste.
    // Stryker disable next-line StringLiteral: equivalent — split() always returns at least one string, so `?? ''` never applies
    value = (text.split(/[\s;]/, 1)[0] ?? '').replace(STRAY_QUOTES, '');
  }
  value = value.trim();
  return value === '' ? undefined : value;
}
