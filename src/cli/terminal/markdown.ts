/** Markdown on the screen: printed, or paged one screen at a time. */
import { spawnSync } from 'node:child_process';
import type { Context } from '../context.js';

/** Markdown to the terminal: rendered when stdout is a terminal, as plain markdown otherwise. */
export async function printMarkdown(markdown: string, ctx: Context): Promise<void> {
  if (ctx.stdout.isTTY) {
    const { renderMarkdown } = await import('../../render/terminal.js');
    ctx.stdout.write(await renderMarkdown(markdown, { columns: ctx.stdout.columns, color: ctx.color }));
  } else ctx.stdout.write(`${markdown}\n`);
}

/**
 * The full report on screen, through $PAGER or `less` when there is one (one screen at a time,
 * q to come back), printed otherwise.
 */
export async function showPaged(markdown: string, ctx: Context): Promise<void> {
  const { renderMarkdown } = await import('../../render/terminal.js');
  const text = await renderMarkdown(markdown, { columns: ctx.stdout.columns, color: ctx.color });
  const pager = ctx.env.PAGER?.trim() || 'less';
  const env = { ...ctx.env, LESS: ctx.env.LESS ?? 'FRX' };
  const shown = spawnSync('/bin/sh', ['-c', pager === 'less' ? 'exec less -R' : pager], {
    input: text,
    stdio: ['pipe', 'inherit', 'inherit'],
    env,
  });
  if (shown.error || shown.status === 127) ctx.stdout.write(text);
}
