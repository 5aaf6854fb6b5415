/**
 * A strict, tiny XML well-formedness checker for the tests (no dependency): one root element,
 * matching tags, quoted and unique attributes, only the predefined or numeric entities, no
 * raw "<" or "&". Returns the element tree; throws on the first error, with its offset.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded. */
  text: string;
}

const NAME = /^[A-Za-z_:][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string, at: number): string {
  return s.replace(/&([^;]*);?/g, (m, ref: string) => {
    if (!m.endsWith(';')) throw new Error(`raw "&" at ${at}`);
    if (ref in ENTITIES) return ENTITIES[ref]!;
    const num = /^#(\d+)$/.exec(ref) ?? /^#x([0-9a-fA-F]+)$/.exec(ref);
    if (num) return String.fromCodePoint(parseInt(num[1]!, ref.startsWith('#x') ? 16 : 10));
    throw new Error(`unknown entity "&${ref};" at ${at}`);
  });
}

export function parseXml(src: string): XmlElement {
  let i = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at offset ${i}: ${JSON.stringify(src.slice(i, i + 40))}`);
  };
  const skipMisc = (): void => {
    for (;;) {
      const ws = /^\s*/.exec(src.slice(i))![0].length;
      i += ws;
      if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i + 4);
        if (end < 0) fail('unclosed comment');
        i = end + 3;
      } else return;
    }
  };
  if (src.startsWith('<?xml')) {
    const end = src.indexOf('?>');
    if (end < 0) fail('unclosed XML declaration');
    i = end + 2;
  }
  const element = (): XmlElement => {
    if (src[i] !== '<') fail('expected "<"');
    i++;
    const name = NAME.exec(src.slice(i))?.[0] ?? fail('expected an element name');
    i += name.length;
    const el: XmlElement = { name, attrs: {}, children: [], text: '' };
    for (;;) {
      const ws = /^\s*/.exec(src.slice(i))![0].length;
      i += ws;
      if (src.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (src[i] === '>') {
        i++;
        break;
      }
      if (ws === 0) fail('expected white space before an attribute');
      const attr = NAME.exec(src.slice(i))?.[0] ?? fail('expected an attribute name');
      i += attr.length;
      if (src[i] !== '=') fail(`attribute ${attr} without "="`);
      i++;
      const q = src[i];
      if (q !== '"' && q !== "'") fail(`attribute ${attr} not quoted`);
      const end = src.indexOf(q!, i + 1);
      if (end < 0) fail('unclosed attribute value');
      const raw = src.slice(i + 1, end);
      if (raw.includes('<')) fail(`"<" in attribute ${attr}`);
      if (attr in el.attrs) fail(`attribute ${attr} twice`);
      el.attrs[attr] = decode(raw, i);
      i = end + 1;
    }
    for (;;) {
      const lt = src.indexOf('<', i);
      if (lt < 0) fail(`unclosed element <${name}>`);
      el.text += decode(src.slice(i, lt), i);
      i = lt;
      if (src.startsWith('<!--', i)) {
        skipMisc();
        continue;
      }
      if (src.startsWith('</', i)) {
        i += 2;
        const close = NAME.exec(src.slice(i))?.[0];
        if (close !== name) fail(`</${close}> closes <${name}>`);
        i += name.length;
        i += /^\s*/.exec(src.slice(i))![0].length;
        if (src[i] !== '>') fail('expected ">"');
        i++;
        return el;
      }
      if (src.startsWith('<!', i) || src.startsWith('<?', i)) fail('unsupported markup');
      el.children.push(element());
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i !== src.length) fail('content after the root element');
  return root;
}

/** Every element of a tree, depth first. */
export function allElements(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(allElements)];
}
