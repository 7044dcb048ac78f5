import type { GenericSchema } from 'valibot';
import type { CompactCheck } from '../src/shared/compact-check.ts';

// Build time: turns a valibot schema into the data-only description src/shared/compact-check.ts
// runs. Only the constructs the reply schemas use are known; anything else stops the build with
// its name, so a new kind of field can never pass the popup's check unvalidated.

/** The parts of a valibot schema or pipe action this reads (all public, documented properties). */
interface SchemaNode {
  kind?: string;
  type: string;
  pipe?: readonly SchemaNode[];
  entries?: Record<string, SchemaNode>;
  options?: readonly (SchemaNode | string | number)[];
  wrapped?: SchemaNode;
  item?: SchemaNode;
  literal?: string | number | boolean;
  requirement?: unknown;
  default?: unknown;
  getter?: (input: unknown) => SchemaNode;
}

function unsupported(what: string, path: string): never {
  throw new Error(`compact-schema: ${what} at ${path || '(root)'} has no compact form; extend build/compact-schema.ts`);
}

function describeString(actions: readonly SchemaNode[], path: string): CompactCheck {
  const check: { k: 'string'; max?: number; url?: true } = { k: 'string' };
  for (const action of actions) {
    if (action.type === 'max_length' && typeof action.requirement === 'number') {
      check.max = Math.min(check.max ?? Infinity, action.requirement);
    } else if (action.type === 'url') check.url = true;
    else unsupported(`string action '${action.type}'`, path);
  }
  return check;
}

function describeNode(node: SchemaNode, path: string): CompactCheck {
  const actions = node.pipe ? node.pipe.slice(1) : [];
  if (actions.length > 0 && node.type !== 'string') unsupported(`a pipe on '${node.type}'`, path);
  switch (node.type) {
    case 'string':
      return describeString(actions, path);
    case 'number':
    case 'boolean':
      return { k: node.type };
    case 'literal':
      if (node.literal === undefined) return unsupported('literal undefined', path);
      return { k: 'literal', v: node.literal };
    case 'picklist':
      return { k: 'picklist', o: (node.options ?? []).filter((o) => typeof o !== 'object') };
    case 'optional':
      // A default would make the output differ from the input the popup keeps.
      if (node.default !== undefined || !node.wrapped) return unsupported('optional with a default', path);
      return { k: 'optional', w: describeNode(node.wrapped, path) };
    case 'array':
      if (!node.item) return unsupported('array without item', path);
      return { k: 'array', i: describeNode(node.item, `${path}[]`) };
    case 'strict_object': {
      // Only strict objects: a plain object's output drops unknown keys, which a yes/no check can't.
      const entries: Record<string, CompactCheck> = {};
      for (const [key, entry] of Object.entries(node.entries ?? {}))
        entries[key] = describeNode(entry, `${path}.${key}`);
      return { k: 'object', e: entries };
    }
    case 'variant':
      return {
        k: 'variant',
        o: (node.options ?? []).map((option, index) =>
          typeof option === 'object' ? describeNode(option, `${path}|${index}`) : unsupported('variant option', path),
        ),
      };
    case 'lazy':
      // The reply schemas use lazy only to refer to a schema declared further down, never recursively.
      if (!node.getter) return unsupported('lazy without getter', path);
      return describeNode(node.getter(undefined), path);
    default:
      return unsupported(`schema '${node.type}'`, path);
  }
}

export function describeSchema(schema: GenericSchema): CompactCheck {
  return describeNode(schema as unknown as SchemaNode, '');
}

/**
 * An ES module exporting `checks` (name → description). Descriptions repeated across replies (the
 * error view is in every one) are emitted once and shared, which keeps the popup bundle small.
 */
export function checksModuleSource(checks: Record<string, CompactCheck>): string {
  const counts = new Map<string, number>();
  const count = (check: CompactCheck): void => {
    const json = JSON.stringify(check);
    counts.set(json, (counts.get(json) ?? 0) + 1);
    for (const child of childrenOf(check)) count(child);
  };
  Object.values(checks).forEach(count);
  const hoisted = new Map<string, string>();
  const declarations: string[] = [];
  const emit = (check: CompactCheck): string => {
    const json = JSON.stringify(check);
    const existing = hoisted.get(json);
    if (existing) return existing;
    const source = emitShallow(check, emit);
    if ((counts.get(json) ?? 0) < 2 || json.length < 40) return source;
    const name = `c${hoisted.size}`;
    declarations.push(`const ${name} = ${source};`);
    hoisted.set(json, name);
    return name;
  };
  const body = Object.entries(checks).map(([name, check]) => `  ${JSON.stringify(name)}: ${emit(check)},`);
  return `${declarations.join('\n')}\nexport const checks = {\n${body.join('\n')}\n};\n`;
}

function childrenOf(check: CompactCheck): CompactCheck[] {
  if (check.k === 'optional') return [check.w];
  if (check.k === 'array') return [check.i];
  if (check.k === 'object') return Object.values(check.e);
  if (check.k === 'variant') return [...check.o];
  return [];
}

function emitShallow(check: CompactCheck, emit: (c: CompactCheck) => string): string {
  switch (check.k) {
    case 'optional':
      return `{k:"optional",w:${emit(check.w)}}`;
    case 'array':
      return `{k:"array",i:${emit(check.i)}}`;
    case 'object':
      return `{k:"object",e:{${Object.entries(check.e)
        .map(([key, entry]) => `${JSON.stringify(key)}:${emit(entry)}`)
        .join(',')}}}`;
    case 'variant':
      return `{k:"variant",o:[${check.o.map(emit).join(',')}]}`;
    default:
      return JSON.stringify(check);
  }
}
