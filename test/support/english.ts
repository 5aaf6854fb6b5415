import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractTexts } from '../../src/rules/i18n.js';
import { DEFAULT_RULES_DIR, listFiles } from '../../src/rules/folder.js';
import { toolTexts } from '../../src/core/texts.js';

/** Every text of the built-in rule base as the tool shows it, keyed: the tool's own and the rule folder's. */
export const messagesEn: Readonly<Record<string, string>> = {
  ...toolTexts('en'),
  ...(JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, 'messages.en.json'), 'utf8')) as Record<string, string>),
};

/** The French of every text, keyed as locales/fr.json keys it (the tool's own as "messages.<key>"). */
const fr: Record<string, string> = {
  ...Object.fromEntries(Object.entries(toolTexts('fr')).map(([k, v]) => [`messages.${k}`, v])),
  ...(JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, 'locales', 'fr.json'), 'utf8')) as Record<string, string>),
};

/**
 * English fragments that would betray a text left untranslated: the literal runs between
 * placeholders, markup and quotes of every English text of the rule base whose French differs,
 * long enough (3 words, 16 characters) to be unmistakably English prose.
 */
export const englishFragments: string[] = (() => {
  const files = new Map(
    listFiles(DEFAULT_RULES_DIR, toolTexts('en'))
      .filter((f) => !f.rel.startsWith('locales/'))
      .map((f) => [f.rel, JSON.parse(f.text)]),
  );
  const out = new Set<string>();
  // The rule folder's texts and the tool's own, keyed alike.
  const texts = [
    ...extractTexts(files),
    ...Object.entries(toolTexts('en')).map(([k, v]) => [`messages.${k}`, v] as const),
  ];
  for (const [key, en] of texts) {
    if (fr[key] === en) continue;
    for (const part of en.split(/\{\w+\}|\*\*|`[^`]*`|[“”]/)) {
      const frag = part.trim();
      // Command lines and ids stay as they are in the French too: not a sign of English.
      if (frag.split(/\s+/).length >= 3 && frag.length >= 16 && !(fr[key] ?? '').includes(frag)) out.add(frag);
    }
  }
  return [...out];
})();

/** The English fragments found in a text, line breaks read as spaces (terminals wrap lines). */
export function englishIn(text: string): string[] {
  // Sources are cited by their published titles, which stay in the language they were published in.
  let flat = text.replace(/\s+/g, ' ');
  for (const title of sourceTitles) flat = flat.split(title).join(' ');
  return englishFragments.filter((f) => flat.includes(f));
}

const sourceTitles = (
  JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, 'sources.json'), 'utf8')) as { sources: { title: string }[] }
).sources
  .map((s) => s.title)
  .sort((a, b) => b.length - a.length);

export { fr };
