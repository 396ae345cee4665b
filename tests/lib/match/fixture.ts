/**
 * A small hand-made corpus for the matcher's unit tests: three outlets' wordings of a few points,
 * plus one furniture line. The full seed corpus is exercised by the evaluation and its regression test.
 */
import type { Article, Corpus, Sentence, SentenceRole } from '../../../lib/types';
import { normalizedTokens } from '../../../lib/text/normalize';

/** An article of `outlet` whose sentences are `lines` (body unless a role is given), one per line. */
export function article(id: string, outlet: string, lines: readonly (string | [string, SentenceRole])[]): {
  article: Article;
  sentences: Sentence[];
} {
  const texts = lines.map((l) => (typeof l === 'string' ? l : l[0]));
  const text = texts.join('\n');
  let offset = 0;
  const sentences = lines.map((line, index): Sentence => {
    const [t, role] = typeof line === 'string' ? [line, 'body' as const] : line;
    const start = offset;
    offset += t.length + 1;
    return { id: `${id}:${index}`, articleId: id, index, text: t, start, end: start + t.length, role, tokens: normalizedTokens(t), quotes: [] };
  });
  return {
    article: { id, origin: 'seed', outlet, title: texts[0] ?? '', url: null, date: '2025-04-18', file: `${id}.txt`, text },
    sentences,
  };
}

const parts = [
  article('wire', 'Wire', [
    'The United States may withdraw from its efforts to broker peace between Russia and Ukraine within days if no progress is made, Secretary of State Marco Rubio warned on Friday.',
    'Rubio said he spoke with Russian Foreign Minister Sergei Lavrov after the Paris talks, briefing him on parts of the U.S. proposal.',
    'Zelenskyy’s office called the talks constructive and positive.',
    '“But we’re not going to continue with this endeavor for weeks and months on end,” Rubio said.',
    ['Subscribe today for the full story!', 'furniture'],
  ]),
  article('daily', 'Daily', [
    'U.S. President Donald Trump is prepared to abandon efforts to broker peace between Russia and Ukraine unless progress is made within days, Rubio said.',
    'Russia’s demands include Ukraine renouncing its NATO ambitions and reducing the size of its military.',
    'The United States rejected Russia’s plan for a ceasefire in the Black Sea.',
  ]),
  article('times', 'Times', [
    'Kremlin spokesman Dmitry Peskov acknowledged limited progress but noted difficulties in communicating with Washington.',
    'President Trump has said a full minerals deal with Ukraine could be signed as early as next week.',
  ]),
];

export const FIXTURE_CORPUS: Corpus = {
  version: 'fixture',
  articles: parts.map((p) => p.article),
  sentences: parts.flatMap((p) => p.sentences),
  points: [],
};
