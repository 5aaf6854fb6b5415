import { describe, expect, it } from 'vitest';
import { parseXml } from '../support/xml.js';

// The checker must itself catch what it is meant to catch, or the SVG test proves nothing.
describe('the test XML checker', () => {
  it('accepts well-formed XML and decodes entities', () => {
    const root = parseXml('<?xml version="1.0"?>\n<svg a="1 &amp; 2"><title>x &lt; y &#233;</title><g/></svg>\n');
    expect(root.name).toBe('svg');
    expect(root.attrs.a).toBe('1 & 2');
    expect(root.children[0]!.text).toBe('x < y é');
  });
  it.each([
    ['<a><b></a></b>', 'closes'],
    ['<a x=1/>', 'not quoted'],
    ['<a x="1" x="2"/>', 'twice'],
    ['<a>R&D</a>', 'raw "&"'],
    ['<a>&nbsp;</a>', 'unknown entity'],
    ['<a>1 < 2</a>', 'element name'],
    ['<a/><b/>', 'after the root'],
    ['<a>', 'unclosed'],
    ['<a x="<"/>', '"<" in attribute'],
  ])('rejects %s', (xml, why) => {
    expect(() => parseXml(xml)).toThrow(why);
  });
});
