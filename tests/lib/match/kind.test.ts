// The kind label of a match ('verbatim', 'quote', 'reworded'), checked on every match the seed
// articles, the saved fixture pages and seed leads copied under wire datelines produce, against an
// oracle built from the word diff (lib/diff/words.ts), not from the kind check itself.
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../../lib/corpus/build';
import { diffWording, sameWords, wordKeys, type WordDiffSegment } from '../../../lib/diff/words';
import { extractArticle, toPageText } from '../../../lib/extract';
import { claimSpan } from '../../../lib/match/kind';
import { Matcher } from '../../../lib/match/matcher';
import { parseHtml } from '../../../lib/node/html';
import { readSeeds } from '../../../lib/node/seeds';
import type { Match } from '../../../lib/types';
import { SEEDS_DIR } from '../../../lib/cli/main';
import { fixturePageNames, readFixturePage, runPageScripts } from '../../fixtures/pages/fixtures';

const corpus = buildCorpus(readSeeds(SEEDS_DIR));
const matcher = Matcher.fromCorpus(corpus);

describe('claimSpan', () => {
  const claim = (text: string): string => {
    const { start, end } = claimSpan(text);
    return text.slice(start, end);
  };

  it.each([
    ['PARIS, April 18 (Wire Desk) - The talks ended without a deal.', 'The talks ended without a deal.'],
    ['KYIV, Ukraine (AP) — Air raid sirens sounded across the capital overnight.', 'Air raid sirens sounded across the capital overnight.'],
    ['WASHINGTON — The Senate passed the bill on Tuesday.', 'The Senate passed the bill on Tuesday.'],
    ['BRUSSELS/KYIV, March 3 (Reuters) - Ministers met again.', 'Ministers met again.'],
    ['Paris (AFP) - The museum reopened its doors.', 'The museum reopened its doors.'],
    ['NEW YORK, Jan. 5 (Newswire) – Shares fell sharply.', 'Shares fell sharply.'],
  ])('drops the dateline of %j', (text, expected) => {
    expect(claim(text)).toBe(expected);
  });

  it.each([
    ['The city will close the bridge for repairs, the mayor said Tuesday.', 'The city will close the bridge for repairs'],
    ['The talks may resume next month, warned Foreign Minister Jane Doe.', 'The talks may resume next month'],
    ['“We are not done yet,” she told reporters in Geneva.', '“We are not done yet'],
    ['He said: “The river is rising faster than expected.', '“The river is rising faster than expected.'],
    ['The mayor stated, “The bridge stays shut.”', '“The bridge stays shut.”'],
  ])('drops the attribution of %j', (text, expected) => {
    expect(claim(text)).toBe(expected);
  });

  it.each([
    // The clause after the verb is a claim of its own.
    'The flood receded, officials said the bridge would reopen on Monday.',
    // No dash: a sentence that opens with an acronym is no dateline.
    'NATO ministers met in Brussels on Thursday.',
    // Too long to be who said it.
    'Prices rose, and the long list of things that the committee had warned about for months came true as they said.',
  ])('keeps %j whole', (text) => {
    expect(claim(text)).toBe(text);
  });

  it('keeps a text that is nothing but an attribution', () => {
    expect(claim('He said:')).toBe('He said:');
  });
});

// --- The oracle ------------------------------------------------------------------------------------

const SPEECH = /\b(?:said|says|told|added|warned|stated|noted|continued|emphasi[sz]ed|stressed)\b/u;
/** A wire dateline as a reader sees one: a place in capitals or an agency in parentheses, then a dash. */
const DATELINE_LIKE = /^(?:\p{Lu}{2,}|.*\))[^]*[-–—]$/u;
const CONNECTIVES = new Set(['a', 'an', 'the', 'and', 'but', 'so', 'that', 'also', 'however']);

/** Who said it, in a few words: "He added:", "Rubio said Friday", or nothing but a "But". */
function attributionOnly(text: string): boolean {
  const words = wordKeys(text);
  return words.every((w) => CONNECTIVES.has(w)) || (SPEECH.test(text) && words.length <= 8);
}

/**
 * Loud differences of a pair once who said it, where it was filed and a dropped "But" are set
 * aside: the stretch before the first shared words when it is a dateline or an attribution on
 * both sides, the stretch after the last shared words that end in a comma or a closing quotation
 * mark when it is an attribution on both sides, and connectives anywhere.
 */
function claimDifferences(page: string, other: string): WordDiffSegment[] {
  const segments = diffWording(page, other);
  const shared = (s: WordDiffSegment): boolean => (s.op === 'equal' || s.quiet) && wordKeys(s.page).length > 0;
  const firstShared = segments.findIndex(shared);
  const lastClause = segments.findLastIndex((s) => shared(s) && /[,”"]\s*$/u.test(s.page));
  const side = (from: number, to: number, key: 'page' | 'other'): string => segments.slice(from, to).map((s) => s[key]).join(' ');
  const head = firstShared > 0 && ['page', 'other'].every((k) => {
    const text = side(0, firstShared, k as 'page' | 'other').trim();
    return DATELINE_LIKE.test(text) || attributionOnly(text);
  });
  const tail = lastClause >= 0 && ['page', 'other'].every((k) => attributionOnly(side(lastClause + 1, segments.length, k as 'page' | 'other')));
  return segments.filter((s, i) => {
    if (s.op === 'equal' || s.quiet) return false;
    if (wordKeys(`${s.page} ${s.other}`).every((w) => CONNECTIVES.has(w))) return false;
    if (head && i < firstShared) return false;
    if (tail && i > lastClause) return false;
    return true;
  });
}

/** The quoted stretches of a sentence: between quotation marks, or from an unclosed one to an end. */
function quotations(text: string): string[] {
  const found: string[] = [];
  const marks = [...text.matchAll(/[“”"]/gu)];
  if (marks.length === 0) return found;
  const opens = marks[0]![0] === '”' ? [{ index: -1 }, ...marks] : marks;
  for (let i = 0; i < opens.length; i += 2) {
    const from = (opens[i]!.index ?? -1) + 1;
    const to = opens[i + 1]?.index ?? text.length;
    found.push(text.slice(from, to));
  }
  return found;
}

/**
 * Whether the two share a quotation of four words or more, word for word. `otherQuotes`: what the
 * corpus knows the other sentence quotes (a sentence inside a quote that opened sentences before).
 */
function shareAQuote(page: string, other: string, otherQuotes: readonly string[] = []): boolean {
  const theirs = [...quotations(other), ...otherQuotes];
  return quotations(page).some((a) => {
    const wa = wordKeys(a).filter((w) => !CONNECTIVES.has(w));
    return (
      wa.length >= 4 &&
      theirs.some((b) => sameWords(wa.join(' '), wordKeys(b).filter((w) => !CONNECTIVES.has(w)).join(' ')))
    );
  });
}

/** Whether the word diff says the two wordings are the same claim in the same words. */
function sameClaimWording(page: string, other: string, otherQuotes: readonly string[] = []): boolean {
  return claimDifferences(page, other).length === 0 || shareAQuote(page, other, otherQuotes);
}

const quotesOf = new Map(corpus.sentences.map((s) => [s.id, s.quotes.map((q) => q.text)]));

interface LabeledMatch {
  source: string;
  page: string;
  match: Match;
}

function matchesOf(source: string, page: { title: string; sentences: readonly string[] }): LabeledMatch[] {
  return matcher
    .scanPage(page)
    .sentences.flatMap((r) => r.matches.map((match) => ({ source, page: r.text, match })));
}

function seedPages(): LabeledMatch[] {
  return corpus.articles.flatMap((a) =>
    matchesOf(`seed ${a.file ?? a.id}`, {
      title: a.title,
      sentences: corpus.sentences.filter((s) => s.articleId === a.id && s.role !== 'furniture').map((s) => s.text),
    }),
  );
}

function fixturePages(): LabeledMatch[] {
  return fixturePageNames().flatMap((name) => {
    const { html, expect: expected } = readFixturePage(name);
    const doc = parseHtml(html, expected.url);
    if (expected.needsScripts) runPageScripts(doc).runAll();
    const article = extractArticle(doc);
    return matchesOf(`fixture ${name}`, toPageText(article));
  });
}

const DATELINES = ['PARIS, April 18 (Wire Desk) - ', 'WASHINGTON (AP) — ', 'LONDON, April 19 (Reuters) - ', 'KYIV, Ukraine — '];

/** Every seed's lead, copied under a wire dateline: each must be verbatim against its own outlet. */
function datelinedLeads(): { outlet: string; lead: string; copy: string }[] {
  return corpus.articles.flatMap((a) => {
    const lead = corpus.sentences.find((s) => s.articleId === a.id && s.role === 'body');
    return lead === undefined ? [] : DATELINES.map((d) => ({ outlet: a.outlet, lead: lead.text, copy: d + lead.text }));
  });
}

function wrongLabels(matches: readonly LabeledMatch[]): string[] {
  return matches
    .filter(({ page, match }) => (match.kind === 'verbatim') !== sameClaimWording(page, match.text, quotesOf.get(match.sentenceId)))
    .map(({ source, page, match }) => `${source}: ${match.kind} ${match.outlet}\n  page:  ${page}\n  other: ${match.text}`);
}

describe('kind labels', () => {
  it('the oracle tells a dateline and an attribution from a changed word', () => {
    expect(sameClaimWording('PARIS, April 18 (Wire Desk) - Talks ended, he said.', 'Talks ended, Rubio said Friday.')).toBe(true);
    expect(sameClaimWording('We need to figure out within days.', 'We need to determine within days.')).toBe(false);
    expect(sameClaimWording('But it is not our war.', 'He added: “It is not our war.')).toBe(true);
  });

  it('has no wrong label on the seed articles', () => {
    const matches = seedPages();
    expect(matches.length).toBeGreaterThan(100);
    expect(wrongLabels(matches)).toEqual([]);
  });

  it('has no wrong label on the fixture pages', () => {
    const matches = fixturePages();
    expect(matches.length).toBeGreaterThan(50);
    expect(wrongLabels(matches)).toEqual([]);
  });

  it('calls a seed lead copied under a dateline verbatim against its own outlet', () => {
    const leads = datelinedLeads();
    expect(leads).toHaveLength(corpus.articles.length * DATELINES.length);
    for (const { outlet, lead, copy } of leads) {
      const own = matcher.matchSentence(copy).find((m) => m.text === lead);
      expect(own, `${outlet}: ${copy}`).toMatchObject({ outlet, kind: 'verbatim' });
    }
  });

  it('never calls a changed verb verbatim', () => {
    // Every seed sentence that says "figure out" or "determine", with the one verb swapped for the
    // other as a rewrite would swap it: a word or two in a long sentence, the rest untouched.
    const swaps = corpus.sentences
      .filter((s) => s.role === 'body' && /\b(?:figure out|determine)\b/u.test(s.text))
      .map((s) => ({
        original: s.text,
        changed: s.text.replace(/\bfigure out\b|\bdetermine\b/u, (verb) => (verb === 'determine' ? 'figure out' : 'determine')),
      }));
    expect(swaps.length).toBeGreaterThanOrEqual(3);
    for (const { original, changed } of swaps) {
      // The unchanged sentence is verbatim, so the swap alone makes any difference.
      expect(matcher.matchSentence(original).find((m) => m.text === original)?.kind).toBe('verbatim');
      const own = matcher.matchSentence(changed).find((m) => m.text === original);
      expect(own, changed).toBeDefined();
      expect(own!.kind, changed).not.toBe('verbatim');
    }
  });
});
