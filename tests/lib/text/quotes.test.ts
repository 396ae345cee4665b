import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticleQuotes, extractQuotes } from '../../../lib/text/quotes';
import { splitSentences } from '../../../lib/text/segment';

const seedDir = join(__dirname, '..', '..', '..', 'seeds');

/** [sentence index, speaker, quote text] for every quote of `text`. */
function quotesOf(text: string): [number, string | null, string][] {
  const sentences = splitSentences(text);
  return extractArticleQuotes(text, sentences).flatMap((qs, i) => qs.map((q) => [i, q.speaker, q.text] as [number, string | null, string]));
}

function seed(file: string): string {
  return readFileSync(join(seedDir, file), 'utf8');
}

describe('extractQuotes attribution patterns', () => {
  it.each<[string, string, (string | null)[]]>([
    ['"X said" after the quote', '“We are done,” Rubio said.', ['Rubio']],
    ['"said X" after the quote', '“We are done,” said Rubio.', ['Rubio']],
    ['a titled speaker after the verb', '“Progress is slow,” said Kremlin spokesman Dmitry Peskov.', ['Dmitry Peskov']],
    ['"told" with an object', '“We believe we have promising developments,” Vance told reporters.', ['Vance']],
    ['"added"', '“It is time to walk away,” Rubio added.', ['Rubio']],
    ['a colon before', 'Rubio said: “We came here yesterday.”', ['Rubio']],
    ['a comma before', 'Rubio stated, “We need to know within a few days.”', ['Rubio']],
    ['an auxiliary and "that"', 'Kremlin spokesman Dmitry Peskov has maintained that “Russia is open to dialogue.”', ['Dmitry Peskov']],
    ['"described … as"', 'Rubio described the reception to the U.S. peace framework as “encouraging,” and left.', ['Rubio']],
    ['a participle with a subject', 'Yet moves are underway, with Zelensky saying on Thursday “good progress” had been made.', ['Zelensky']],
    ['"according to"', '“The talks are over,” according to Peskov.', ['Peskov']],
    ['two quotes joined by "and that"', 'Rubio emphasized that “it’s not our war” and that America has “other priorities”.', ['Rubio', 'Rubio']],
    ['an unnamed speaker stays null', 'One French official called them “excellent”, stating “the Americans are ready”.', [null, null]],
    ['a possessive office', 'Zelensky’s office called the talks “constructive and positive.”', ["Zelensky's office"]],
    ['no verb of saying', 'He appeared on “The Unusual Suspects.”', [null]],
  ])('%s', (_name, paragraph, speakers) => {
    const quotes = extractQuotes(paragraph, splitSentences(paragraph)).flat();
    expect(quotes.map((q) => q.speaker)).toEqual(speakers);
  });

  it('resolves "he" to the one person named before it', () => {
    const p = 'Speaking in Paris, Rubio emphasized the urgency. “We’re not going to drag this out,” he said.';
    expect(quotesOf(p)).toEqual([[1, 'Rubio', 'We’re not going to drag this out']]);
  });

  it('resolves "he" inside its own sentence first', () => {
    const p = 'Rubio spoke first. The stance aligns with President Trump’s promise, which he has described as “terrible and senseless”.';
    expect(quotesOf(p)).toEqual([[1, 'Trump', 'terrible and senseless']]);
  });

  it('leaves "he" null when two people could be meant', () => {
    const p = 'Senator Jane Smith met Governor John Roe. “We talked about the budget,” he said.';
    expect(quotesOf(p)).toEqual([[1, null, 'We talked about the budget']]);
  });

  it('prefers the last speaker when several people are named', () => {
    const p = '“We are done,” Secretary of State Marco Rubio said.\nRubio said he briefed Foreign Minister Sergei Lavrov. “It is up to them now,” he said.';
    expect(quotesOf(p).map(([, speaker]) => speaker)).toEqual(['Marco Rubio', 'Marco Rubio']);
  });

  it('names the speaker by the fullest name the article uses', () => {
    const p = 'Secretary of State Marco Rubio spoke in Paris.\n“We are done,” Rubio said.';
    expect(quotesOf(p)).toEqual([[1, 'Marco Rubio', 'We are done']]);
  });

  it('does not take a country that speaks for a person', () => {
    const p = 'Talks in Ukraine went on. Ukraine said it was ready.\n“We are ready,” he said.';
    expect(quotesOf(p)).toEqual([[2, null, 'We are ready']]);
  });
});

describe('extractQuotes finds quotations', () => {
  it('splits a quotation over the sentences it spans, with one speaker', () => {
    const p = '“We came here yesterday. It’s not our war. We didn’t start it,” Rubio said. “We want it to end.”';
    const sentences = splitSentences(p);
    const quotes = extractQuotes(p, sentences);
    expect(quotes.map((qs) => qs.map((q) => [q.text, q.speaker]))).toEqual([
      [['We came here yesterday.', 'Rubio']],
      [['It’s not our war.', 'Rubio']],
      [['We didn’t start it', 'Rubio']],
      [['We want it to end.', 'Rubio']],
    ]);
  });

  it('gives offsets relative to each sentence, marks excluded', () => {
    const p = 'Rubio said: “We are done. It is over.” He left.';
    const sentences = splitSentences(p);
    extractQuotes(p, sentences).forEach((qs, i) => {
      for (const q of qs) expect(sentences[i]!.text.slice(q.start, q.end)).toBe(q.text);
    });
    expect(extractQuotes(p, sentences)[0]![0]!.start).toBe('Rubio said: “'.length);
  });

  it('reads straight double quotes', () => {
    const p = 'He said, "We are done. It is over." Then he left.';
    expect(extractQuotes(p, splitSentences(p)).flat().map((q) => q.text)).toEqual(['We are done.', 'It is over.']);
  });

  it('reads single quotes only as quotation marks, never apostrophes', () => {
    const p = 'Vance is ‘optimistic’ about the Americans’ plan, and we’re told it’s Rubio’s.';
    expect(extractQuotes(p, splitSentences(p)).flat().map((q) => q.text)).toEqual(['optimistic']);
  });

  it('keeps marks nested inside a quotation in it', () => {
    const p = 'Then “he’s going to say ‘well, we’re done’.”';
    expect(extractQuotes(p, splitSentences(p)).flat().map((q) => q.text)).toEqual(['he’s going to say ‘well, we’re done’.']);
  });

  it('runs an unclosed quotation to the end of its paragraph and carries its speaker into the reopened one', () => {
    const text = 'Rubio spoke. He said: “We came here yesterday. We talked.\n“If it can, we are prepared.”\nThe talks ended.';
    expect(quotesOf(text)).toEqual([
      [1, 'Rubio', 'We came here yesterday.'],
      [2, 'Rubio', 'We talked.'],
      [3, 'Rubio', 'If it can, we are prepared.'],
    ]);
  });

  it('does not read inch and foot marks as quotation marks', () => {
    const p = 'The 6\'2" senator said the 12" shell was "a mistake."';
    expect(extractQuotes(p, splitSentences(p)).flat().map((q) => q.text)).toEqual(['a mistake.']);
  });

  it('finds nothing in text without quotation marks', () => {
    const p = 'Rubio said the talks were useful.';
    expect(extractQuotes(p, splitSentences(p))).toEqual([[]]);
  });
});

describe('extractArticleQuotes on the seeds', () => {
  it('002: the Peskov quote is Peskov’s', () => {
    const quotes = quotesOf(seed('002_264115c7bb73e8f9.txt'));
    expect(quotes).toContainEqual([
      32,
      'Dmitry Peskov',
      'Russia is striving toward resolving this conflict, securing its own interests, and is open to dialogue.',
    ]);
  });

  it('000: every Rubio quote, across sentences, pronouns and a subscribe line, is Rubio’s', () => {
    const quotes = quotesOf(seed('000_d92422b15f672f7c.txt'));
    const speakers = quotes.filter(([, , text]) => text !== 'The Unusual Suspects.').map(([, speaker]) => speaker);
    expect(speakers).toHaveLength(12);
    expect(new Set(speakers)).toEqual(new Set(['Marco Rubio']));
  });

  it('001: Rubio, Zelensky’s office, Trump and Vance each get their own quotes', () => {
    expect(quotesOf(seed('001_ba9eee08ec8f519a.txt')).map(([i, speaker]) => [i, speaker])).toEqual([
      [2, 'Marco Rubio'],
      [3, 'Marco Rubio'],
      [4, 'Marco Rubio'],
      [12, 'Marco Rubio'],
      [12, "Volodymyr Zelensky's office"],
      [18, 'Donald Trump'],
      [28, 'Marco Rubio'],
      [29, 'Marco Rubio'],
      [30, 'Marco Rubio'],
      [31, null],
      [33, 'JD Vance'],
    ]);
  });

  it('003: a paragraph reopening an unclosed quotation keeps its speaker; unnamed speakers stay null', () => {
    const quotes = quotesOf(seed('003_667c5379cb0513e8.txt'));
    const bySentence = new Map(quotes.map(([i, speaker, text]) => [i, [speaker, text]]));
    expect(bySentence.get(3)?.[0]).toBe('Marco Rubio'); // “If it can, we’re prepared…” after “He said: “We came here…
    expect(bySentence.get(9)?.[0]).toBe('Marco Rubio'); // “If they’re serious about peace…”
    expect(bySentence.get(27)).toEqual(['Volodymyr Zelensky', 'good progress']);
    expect(quotes.filter(([i]) => i === 24).map(([, speaker]) => speaker)).toEqual([null, null]); // one French official
  });

  it('004: both Rubio quotes are Rubio’s', () => {
    const quotes = quotesOf(seed('004_1d32572d87f94e9b.txt'));
    expect(quotes.map(([i, speaker]) => [i, speaker])).toEqual([
      [2, 'Marco Rubio'],
      [3, 'Marco Rubio'],
      [18, 'Marco Rubio'],
      [19, 'Marco Rubio'],
      [20, 'Marco Rubio'],
    ]);
  });
});

describe('extractArticleQuotes invariants', () => {
  it('quotes lie inside their sentence and equal their slice, for any text', () => {
    const parts = fc.constantFrom('“', '”', '"', '‘', '’', "'", 'Rubio', 'said', 'he', ',', '.', ' ', '\n', 'we’re', 'It', 'is');
    fc.assert(
      fc.property(fc.array(parts, { maxLength: 50 }), (ps) => {
        const text = ps.join('');
        const sentences = splitSentences(text);
        const quotes = extractArticleQuotes(text, sentences);
        expect(quotes).toHaveLength(sentences.length);
        quotes.forEach((qs, i) => {
          for (const q of qs) {
            expect(q.start).toBeGreaterThanOrEqual(0);
            expect(q.end).toBeLessThanOrEqual(sentences[i]!.text.length);
            expect(sentences[i]!.text.slice(q.start, q.end)).toBe(q.text);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
