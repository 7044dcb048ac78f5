// A compact, data-only form of the reply schemas in messages.ts and the checker that runs it.
// The popup validates every reply it receives, but the popup has a size budget (issue 8) and the
// validation library costs more than the rest of its logic; so the build turns the same valibot
// schemas into these plain descriptions (build/compact-schema.ts) and the popup runs them here.
// A fuzz test holds the two to the same accept/reject answer for every reply schema.

export type CompactCheck =
  | { k: 'string'; max?: number; url?: true }
  | { k: 'number' }
  | { k: 'boolean' }
  | { k: 'literal'; v: string | number | boolean }
  | { k: 'picklist'; o: readonly (string | number)[] }
  | { k: 'optional'; w: CompactCheck }
  | { k: 'array'; i: CompactCheck }
  /** A strict object: every entry checked, no key outside the entries. */
  | { k: 'object'; e: Readonly<Record<string, CompactCheck>> }
  /** Valid when any option is (each option carries its own discriminator entry). */
  | { k: 'variant'; o: readonly CompactCheck[] };

function isUrl(value: string): boolean {
  return URL.canParse(value);
}

function isObjectLike(value: unknown): value is Record<string, unknown> {
  return Boolean(value) && typeof value === 'object';
}

function checkObject(entries: Readonly<Record<string, CompactCheck>>, value: unknown): boolean {
  if (!isObjectLike(value)) return false;
  for (const key in entries) {
    const entry = entries[key] as CompactCheck;
    // Same rule as the schema library: an absent key passes only when its entry is optional.
    if (key in value ? !compactCheck(entry, value[key]) : entry.k !== 'optional') return false;
  }
  for (const key in value) if (!Object.prototype.hasOwnProperty.call(entries, key)) return false;
  return true;
}

function checkItems(item: CompactCheck, items: unknown[]): boolean {
  // Index by index, not every(): a hole in a sparse array is checked as undefined, like valibot does.
  for (let index = 0; index < items.length; index++) if (!compactCheck(item, items[index])) return false;
  return true;
}

/** True when `value` matches the description, with the same answer the valibot schema gives. */
export function compactCheck(check: CompactCheck, value: unknown): boolean {
  switch (check.k) {
    case 'string':
      return (
        typeof value === 'string' &&
        (check.max === undefined || value.length <= check.max) &&
        (!check.url || isUrl(value))
      );
    case 'number':
      return typeof value === 'number' && !Number.isNaN(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'literal':
      return value === check.v;
    case 'picklist':
      return check.o.includes(value as string | number);
    case 'optional':
      return value === undefined || compactCheck(check.w, value);
    case 'array':
      return Array.isArray(value) && checkItems(check.i, value);
    case 'object':
      return checkObject(check.e, value);
    case 'variant':
      return isObjectLike(value) && check.o.some((option) => compactCheck(option, value));
  }
}
