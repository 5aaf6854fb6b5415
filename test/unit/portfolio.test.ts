import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeAnswers, type Answers } from '../../src/core/answers.js';
import { Evaluator } from '../../src/core/evaluate.js';
import { htmlDocument } from '../../src/render/html.js';
import {
  portfolioMarkdown,
  summarize,
  textBars,
  TOP_UNKNOWNS,
  type PortfolioEntry,
} from '../../src/render/portfolio.js';
import { assess } from '../../src/core/assessment.js';
import { loadRuleBase } from '../../src/rules/folder.js';
import { barChartSvg, CHART } from '../../src/render/svg-chart.js';
import { ROOT } from '../support/cli.js';
import { allElements, parseXml } from '../support/xml.js';
import { runOn } from '../support/run-info.js';

const rules = loadRuleBase();
const evaluator = new Evaluator(rules);
// A working-group response with every question answered.
const wg = JSON.parse(readFileSync(join(ROOT, 'examples', 'refugee-wg-documented.json'), 'utf8')).answers as Answers;

async function entries(sets: Array<[string | undefined, Partial<Answers>]>): Promise<PortfolioEntry[]> {
  const out: PortfolioEntry[] = [];
  for (const [i, [name, answers]] of sets.entries()) {
    const result = await assess(evaluator, {
      answers: completeAnswers(rules, answers as Answers),
      run: runOn('2026-01-01'),
      ...(name ? { responseName: name } : {}),
    });
    out.push({ source: `row ${i + 2}`, result, report: `r${i}.md` });
  }
  return out;
}

const four = (): Promise<PortfolioEntry[]> =>
  entries([
    ['A <b>&', wg],
    ['B', { ...wg, ruleOfLaw: 'limited', phase: 'unknown', tipForms: 'unknown' }],
    [undefined, {}],
    [
      'D',
      {
        ...wg,
        // No group in place: the pattern (sexual exploitation of women) decides.
        existingMechanism: 'none',
        mechanismState: 'unknown',
        governmentStance: 'resists_terminology',
        tipForms: ['sexual_exploitation'],
        affectedGroups: ['women'],
      },
    ],
  ]);

describe('portfolio summary', () => {
  it('counts each primary mechanism, each caution and the most common unknowns', async () => {
    const p = summarize(rules, await four(), [{ source: 'row 9', reason: 'r.csv row 9: bad' }]);
    expect(p.total).toBe(4);
    const [primary, cautions, unknowns] = p.panels;
    const of = (panel: typeof primary, id: string): number | undefined => panel.counts.find((c) => c.id === id)?.count;
    expect(primary.counts).toHaveLength(rules.mechanisms.length);
    expect(of(primary, 'working_group')).toBe(2);
    expect(of(primary, 'focal_point')).toBe(1);
    expect(of(primary, 'aor_integration')).toBe(1);
    expect(primary.counts.reduce((n, c) => n + c.count, 0)).toBe(4);
    // In the order the primary rules are tried: the hand-over in transition (10) first, focal point (100) last.
    expect(primary.counts[0]!.id).toBe('national_linkage');
    expect(primary.counts.at(-1)!.id).toBe('focal_point');
    expect(of(cautions, 'rule_of_law')).toBe(1);
    expect(of(cautions, 'terminology')).toBe(1);
    expect(of(cautions, 'data_protection')).toBe(3);
    expect(of(cautions, 'meeting_load')).toBe(0);
    // Every question unknown in the empty response, two more in B: most common first, ties in questionnaire order.
    expect(unknowns.counts.slice(0, 3).map((c) => [c.id, c.count])).toEqual([
      ['phase', 2],
      ['tipForms', 2],
      ['responseType', 1],
    ]);
    expect(unknowns.counts).toHaveLength(TOP_UNKNOWNS);
  });

  it('writes tables, the responses with escaped names and report links, and the skipped ones', async () => {
    const p = summarize(rules, await four(), [{ source: 'row 9', reason: 'r.csv row 9: bad <x>' }]);
    const { head, body } = portfolioMarkdown(rules, p, '2026-01-01');
    expect(head).toMatch(/^# Portfolio: 4 responses/);
    expect(head).toContain('4 responses evaluated, 1 skipped');
    expect(body).toContain('| Dedicated anti-trafficking working group or task force | 2 | 50% |');
    expect(body).toContain('| Mind the terminology | 1 | 25% |');
    expect(body).toContain('| A \\<b\\>& |');
    expect(body).toContain('| row 4 |');
    expect(body).toContain('[r0.md](r0.md)');
    expect(body).toContain('- r.csv row 9: bad \\<x\\>');
  });

  it('draws text bars in proportion to the counts', async () => {
    const p = summarize(rules, await four(), []);
    const lines = textBars(rules, p, 100).split('\n');
    const bar = (label: string): number => (lines.find((l) => l.includes(label)) ?? '').split('█').length - 1;
    expect(bar('Dedicated anti-trafficking')).toBe(2 * bar('TIP focal point'));
    expect(bar('Learning across responses')).toBe(0);
    expect(lines.find((l) => l.includes('Dedicated anti-trafficking'))).toMatch(/█ 2$/);
  });
});

describe('SVG chart', () => {
  it('is well-formed XML with one bar per count, its width in proportion, labelled with title and count', async () => {
    const p = summarize(rules, await four(), []);
    const svg = barChartSvg(p, 'Across 4 responses <&>', { standalone: true });
    const root = parseXml(svg);
    expect(root.name).toBe('svg');
    expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    const els = allElements(root);
    const bars = els.filter((e) => e.name === 'rect' && e.attrs.class === 'bar');
    const counts = p.panels.flatMap((x) => x.counts);
    expect(bars).toHaveLength(counts.length);
    bars.forEach((b, i) => {
      const c = counts[i]!;
      expect(Number(b.attrs['data-count'])).toBe(c.count);
      expect(Number(b.attrs.width)).toBeCloseTo((c.count / p.total) * CHART.barMax, 1);
      expect(b.children.find((x) => x.name === 'title')!.text).toBe(`${c.label}: ${c.count}`);
    });
    const wgBar = bars.find((b) => b.children.find((x) => x.name === 'title')!.text.startsWith('Dedicated'))!;
    expect(Number(wgBar.attrs.width)).toBe(CHART.barMax / 2);
    const texts = els.filter((e) => e.name === 'text').map((e) => e.text);
    expect(texts).toContain('Across 4 responses <&>');
    expect(texts).toContain('Dedicated anti-trafficking working group or task force');
    expect(texts.filter((t) => t === '2').length).toBeGreaterThan(0);
    // Self-contained: nothing to fetch, nothing to run.
    expect(svg).not.toMatch(/<script|<image|href=|url\(|@import/i);
  });

  it('inline in HTML has no XML declaration or namespace URL', async () => {
    const svg = barChartSvg(summarize(rules, await four(), []), 't', { standalone: false });
    expect(svg).not.toContain('<?xml');
    expect(svg).not.toContain('http');
    expect(parseXml(svg).name).toBe('svg');
  });
});

describe('HTML page', () => {
  const noExternalRequest = (html: string): void => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
  };

  it('is self-contained and printable, and shows raw HTML, images and external links as text', () => {
    const md =
      '# Title <script>alert(1)</script>\n\n<img src="http://x.example/p.png">\n\n![pic](https://x.example/a.png) [site](https://x.example) [local](r0.md) <https://y.example>\n';
    const html = htmlDocument('A <title> & "more"', [md, { svg: '<svg width="1" height="1"></svg>' }]);
    noExternalRequest(html);
    expect(html).toContain('<title>A &lt;title&gt; &amp; &quot;more&quot;</title>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('site (https://x.example)');
    expect(html).toContain('<a href="r0.md">local</a>');
    expect(html).toContain('@media print');
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<figure><svg width="1" height="1"></svg></figure>');
  });
});

describe('a batch where every question was answered', () => {
  it('says so instead of an empty unknowns table or panel', async () => {
    const p = summarize(rules, await entries([['A', wg]]), []);
    expect(p.panels[2].counts).toEqual([]);
    expect(portfolioMarkdown(rules, p, '2026-01-01').body).toContain(
      '## Most common unknowns\n\nEvery response answered every question.',
    );
    expect(textBars(rules, p)).toContain('Every response answered every question.');
    const svg = parseXml(barChartSvg(p, 't', { standalone: true }));
    expect(allElements(svg).map((e) => e.text)).toContain('Every response answered every question.');
  });
});
