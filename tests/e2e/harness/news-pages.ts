/**
 * The news pages both browsers' end-to-end tests visit, written here once: a plain news page
 * around paragraphs, a seed article's paragraphs, and the pages that are or are not about the
 * story. Chromium's and Firefox's tests serve the same pages and expect the same sentences.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');

/** A seed article's paragraphs (seeds/`file`), one per non-empty line. */
export function seedParagraphs(file: string): string[] {
  return readFileSync(resolve(ROOT, 'seeds', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * A plain news page around an article's paragraphs (each `<p id="pN">`), as a small outlet's site
 * would serve it: a header with links, the article, a footer naming `outlet`.
 */
export function newsPage(title: string, paragraphs: readonly string[], outlet = 'Daily Wire Service'): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} | ${escape(outlet)}</title></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav></header>
<main><article><h1>${escape(title)}</h1>${paragraphs.map((p, i) => `<p id="p${i}">${escape(p)}</p>`).join('\n')}</article></main>
<footer><p>© 2025 ${escape(outlet)}. All rights reserved.</p></footer></body></html>`;
}

/** The Voice News (seeds/004): a reworded Reuters story, on a page of its own. */
export const VOICE_TITLE = 'US may walk away from Ukraine peace efforts, Rubio says';
export const VOICE = seedParagraphs('004_1d32572d87f94e9b.txt');
/** Its lead, which other outlets also report. */
export const VOICE_LEAD =
  'The United States may withdraw from mediating the Russia-Ukraine conflict if no progress is made within the next few days, warned U.S. Secretary of State Marco Rubio.';

/** A sports report: nothing about the story. */
export const CUP_FINAL_TITLE = 'City win the cup after late winner';
export const CUP_FINAL = [
  'City won the cup final on Saturday after a late winner from their captain settled a tense match at the national stadium.',
  'The manager praised his players for their patience after a first half in which they created few chances against a well-organised defence.',
  'Supporters celebrated in the streets of the city centre until late in the evening, and the team will parade the trophy on Monday.',
  'The defeated side said they were proud of their run to the final and would be back stronger next season.',
];

/**
 * A weekend briefing about other news, with one item (`#p2`) on Rubio's warning in other words:
 * the page is not about the story, but the reader can select that item and look it up.
 */
export const BRIEFING_ITEM =
  'Secretary of State Marco Rubio said on Friday that Washington could walk away from its mediation efforts within days if no progress is made.';
export const BRIEFING = [
  'Heavy rain is expected across the north of the country on Saturday, with flood warnings in place for several river valleys and advice to avoid travel where possible.',
  'City won the cup final after a late winner from their captain settled a tense match, and the team will parade the trophy through the centre on Monday afternoon.',
  BRIEFING_ITEM,
  'The central bank held interest rates steady for a third month, saying it wanted to see more evidence that price rises were slowing before it acted.',
  'A new exhibition of early photography opens at the city museum next week, with prints that have not been shown in public for more than a century.',
];

/**
 * A local paper's report, for the reader to add as an article of their own: three paragraphs
 * restate points the seeds make (so a page quoting it is on the story before it is added), the
 * rest are its own (so only the added article can match them), and there are enough of them for
 * extraction to take the page for an article.
 */
export const LEDGER = {
  outlet: 'Harbor City Ledger',
  headline: 'Rubio: US could quit Ukraine peace push within days',
  url: 'https://ledger.example/world/rubio-paris',
  paragraphs: [
    'The United States may walk away from its effort to end the war in Ukraine within days unless there is clear progress, Secretary of State Marco Rubio said in Paris on Friday.',
    'Rubio told reporters that the administration is not willing to keep up the negotiations for weeks and months without results.',
    'Kremlin spokesman Dmitry Peskov said some progress had been made, but that contacts with Washington remained difficult.',
    'At the harbor district library on Saturday, Ukrainian families read aloud letters sent from Odesa over the winter, and the council promised a new shelter for the arriving households.',
    'Harbor City has taken in forty-one Ukrainian households since the spring of 2022, according to the mayor’s office, most of them in apartments above the old fish market.',
    'Volunteers at the community kitchen on Pier Street said the number of families asking for help with rent had doubled since January, and that donations had not kept pace.',
    'The council will vote next month on whether to extend the housing grant it first approved in 2022, which pays a share of the rent for a year.',
    'Several families said they were watching the news from Paris closely, hoping that the talks would let them plan a return home before the next school year begins.',
  ],
  /** A sentence only the Ledger's article states. */
  get ownSentence(): string {
    return this.paragraphs[3]!;
  },
  /** The article as the reader pastes it: headline, then paragraphs. */
  get text(): string {
    return [this.headline, ...this.paragraphs].join('\n\n');
  },
} as const;

/** A news aggregator's page quoting the Ledger's report in full. */
export const ledgerQuotingPage = (): string => newsPage(LEDGER.headline, LEDGER.paragraphs, 'Wire Digest');
