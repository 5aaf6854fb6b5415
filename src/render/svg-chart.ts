import { escapeXml } from './xml-escape.js';
import type { Panel, Portfolio } from './portfolio.js';

/** Layout of the chart, in SVG user units. Exported so tests can check bars against counts. */
export const CHART = {
  width: 820,
  labelWidth: 380,
  /** A bar as long as this stands for every response of the batch. */
  barMax: 360,
  row: 22,
  bar: 14,
  title: 30,
  labelChars: 58,
} as const;

/**
 * The portfolio as a horizontal bar chart: one panel per count (primary mechanism, cautions,
 * most common unknowns), each bar in proportion to its number of responses, labelled with
 * its title and count. Self-contained: no fonts, images, scripts or links. `standalone` adds
 * the XML declaration and namespace a separate .svg file needs; inline in HTML they are not.
 */
export function barChartSvg(
  p: Portfolio,
  title: string,
  opts: { standalone: boolean; /** Panels after the three counts (the 2018 stock-take's figures). */ more?: Panel[] },
): string {
  const x = escapeXml;
  const fit = (s: string): string => {
    const chars = [...s];
    return chars.length > CHART.labelChars ? `${chars.slice(0, CHART.labelChars - 1).join('')}…` : s;
  };
  const parts: string[] = [];
  let y = CHART.title + 8;
  for (const panel of [...p.panels, ...(opts.more ?? [])]) {
    y += 26;
    parts.push(`<text class="panel" x="8" y="${y}">${x(panel.title)}</text>`);
    y += 6;
    if (panel.counts.length === 0) {
      parts.push(
        `<text class="label" x="${CHART.labelWidth - 8}" y="${y + CHART.row / 2 + 4}" text-anchor="end">${x(panel.empty)}</text>`,
      );
      y += CHART.row;
    }
    for (const c of panel.counts) {
      const w = round((c.count / Math.max(p.total, 1)) * CHART.barMax);
      const top = y + (CHART.row - CHART.bar) / 2;
      parts.push(
        // The track is the whole batch: the bar shows the share at a glance.
        `<rect class="track" x="${CHART.labelWidth}" y="${top}" width="${CHART.barMax}" height="${CHART.bar}"/>`,
        `<text class="label" x="${CHART.labelWidth - 8}" y="${y + CHART.row / 2 + 4}" text-anchor="end">${x(fit(c.label))}</text>`,
        `<rect class="bar" x="${CHART.labelWidth}" y="${top}" width="${w}" height="${CHART.bar}" data-count="${c.count}"><title>${x(`${c.label}: ${c.count}`)}</title></rect>`,
        `<text class="count" x="${CHART.labelWidth + CHART.barMax + 8}" y="${y + CHART.row / 2 + 4}">${c.count}</text>`,
      );
      if (c.mark !== undefined) {
        // A reference share (2018) as a tick across the bar.
        const mx = round(CHART.labelWidth + c.mark * CHART.barMax);
        parts.push(
          `<line class="mark" x1="${mx}" y1="${top - 3}" x2="${mx}" y2="${top + CHART.bar + 3}"><title>${x(c.markLabel ?? '')}</title></line>`,
        );
      }
      y += CHART.row;
    }
  }
  const height = y + 12;
  const ns = opts.standalone ? ' xmlns="http://www.w3.org/2000/svg"' : '';
  return [
    ...(opts.standalone ? ['<?xml version="1.0" encoding="UTF-8"?>'] : []),
    `<svg${ns} width="${CHART.width}" height="${height}" viewBox="0 0 ${CHART.width} ${height}" role="img" aria-label="${x(title)}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${x(title)}</title>`,
    '<style>.panel{font-weight:bold;font-size:14px}.bar{fill:#2f6f9f}.track{fill:#eef2f5}.label,.count{fill:#1a1a1a}.heading{font-weight:bold;font-size:16px}.mark{stroke:#c0392b;stroke-width:2}</style>',
    `<rect x="0" y="0" width="${CHART.width}" height="${height}" fill="#ffffff"/>`,
    `<text class="heading" x="8" y="${CHART.title - 10}">${x(title)}</text>`,
    `<line x1="${CHART.labelWidth}" y1="${CHART.title}" x2="${CHART.labelWidth}" y2="${height - 8}" stroke="#999999"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
