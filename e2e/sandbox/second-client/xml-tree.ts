// A strict little XML reader for the shape checks: elements in document order, text, and the
// xmlns attribute, enough for Query-protocol replies. It throws on anything malformed (mismatched
// or unclosed tags, stray text at the top, unknown entities) instead of guessing, so a broken
// reply fails the test rather than being read "leniently" the way a client might.

export interface XmlElement {
  name: string;
  xmlns: string | undefined;
  children: XmlElement[];
  text: string;
}

const TOKEN = /<\?[^?]*\?>|<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)|(<)/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#?\w+);|&/g, (whole, entity: string | undefined) => {
    if (entity === undefined) throw new Error('bare "&" in text');
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    const known = ENTITIES[entity];
    if (known === undefined) throw new Error(`unknown entity ${whole}`);
    return known;
  });
}

export function parseXmlTree(xml: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  for (const match of xml.matchAll(TOKEN)) {
    const [, closing, name, attributes, selfClosing, text, stray] = match;
    if (stray !== undefined) throw new Error(`malformed markup at offset ${match.index}`);
    if (text !== undefined) {
      const parent = stack.at(-1);
      if (parent) parent.text += decode(text);
      else if (text.trim() !== '') throw new Error('text outside the root element');
      continue;
    }
    if (name === undefined) continue; // the <?xml ?> declaration
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      continue;
    }
    const xmlns = /\sxmlns="([^"]*)"/.exec(attributes ?? '')?.[1];
    const element: XmlElement = { name, xmlns, children: [], text: '' };
    const parent = stack.at(-1);
    if (parent) parent.children.push(element);
    else if (root) throw new Error('more than one root element');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)?.name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** The element's own text when it has no child elements (whitespace between children is layout). */
export function leafText(element: XmlElement): string | undefined {
  return element.children.length === 0 ? element.text : undefined;
}
