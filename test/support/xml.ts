/**
 * A strict, tiny XML well-formedness checker for the tests (no dependency): one root element,
 * matching tags, quoted and unique attributes, only the predefined or numeric entities, no
 * raw "<" or "&", no character XML 1.0 forbids, raw or referenced. Returns the element tree;
 * throws on the first error, with its offset.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, entities decoded. */
  text: string;
}

const NAME = /^[A-Za-z_:][\w.:-]*/;
/** What XML 1.0 forbids (its Char production): C0 controls but tab, LF and CR, U+FFFE, U+FFFF, lone surrogates. */
export const FORBIDDEN_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/u;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string, at: number): string {
  return s.replace(/&([^;]*);?/g, (m, ref: string) => {
    if (!m.endsWith(';')) throw new Error(`raw "&" at ${at}`);
    if (ref in ENTITIES) return ENTITIES[ref]!;
    const num = /^#(\d+)$/.exec(ref) ?? /^#x([0-9a-fA-F]+)$/.exec(ref);
    if (num) {
      const cp = parseInt(num[1]!, ref.startsWith('#x') ? 16 : 10);
      const c = cp <= 0x10ffff ? String.fromCodePoint(cp) : '\u0000';
      if (FORBIDDEN_IN_XML.test(c) || (cp >= 0xd800 && cp <= 0xdfff))
        throw new Error(`"&${ref};": a character XML forbids, at ${at}`);
      return c;
    }
    throw new Error(`unknown entity "&${ref};" at ${at}`);
  });
}

export function parseXml(src: string): XmlElement {
  const bad = FORBIDDEN_IN_XML.exec(src);
  if (bad)
    throw new Error(
      `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}: a character XML forbids, at offset ${bad.index}`,
    );
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
