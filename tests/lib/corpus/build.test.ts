import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildArticle, buildCorpus, corpusVersion, CorpusInputError, type SeedInput } from '../../../lib/corpus/build';
import { normalizedTokens } from '../../../lib/text/normalize';
import { readSeeds } from '../../../lib/node/seeds';
import type { Corpus, Sentence } from '../../../lib/types';
import { compareGrowth, describeGrowth, GROWTH, LINEAR_LIMIT } from '../properties/growth';

const seeds = readSeeds(join(__dirname, '..', '..', '..', 'seeds'));
const corpus = buildCorpus(seeds);

const sentencesOf = (c: Corpus, articleId: string): Sentence[] => c.sentences.filter((s) => s.articleId === articleId);
const find = (articleId: string, startsWith: string): Sentence => {
  const found = sentencesOf(corpus, articleId).find((s) => s.text.startsWith(startsWith));
  if (!found) throw new Error(`no sentence of ${articleId} starts with ${startsWith}`);
  return found;
};

describe('buildCorpus on the seeds', () => {
  it('has the five articles, their outlets and the sentence counts a reader finds', () => {
    expect(corpus.articles.map((a) => [a.id, a.outlet, a.origin, sentencesOf(corpus, a.id).length])).toEqual([
      ['000_d92422b15f672f7c', 'Valuetainment (VT News)', 'seed', 31],
      ['001_ba9eee08ec8f519a', 'Pak Correspondent', 'seed', 35],
      ['002_264115c7bb73e8f9', 'Partially Politics', 'seed', 35],
      ['003_667c5379cb0513e8', 'Breitbart News', 'seed', 31],
      ['004_1d32572d87f94e9b', 'The Voice News', 'seed', 21],
    ]);
  });

  it('counts body, heading and furniture sentences per article', () => {
    const counts = corpus.articles.map((a) => {
      const s = sentencesOf(corpus, a.id);
      return [s.filter((x) => x.role === 'body').length, s.filter((x) => x.role === 'heading').length, s.filter((x) => x.role === 'furniture').length];
    });
    expect(counts).toEqual([
      [23, 0, 8],
      [32, 3, 0],
      [29, 5, 1],
      [27, 0, 4],
      [21, 0, 0],
    ]);
  });

  it('keeps the Quick Takes items of 002 as body and their heading as a heading', () => {
    expect(find('002_264115c7bb73e8f9', 'Quick Takes').role).toBe('heading');
    const items = sentencesOf(corpus, '002_264115c7bb73e8f9').slice(4, 9);
    expect(items.map((s) => [s.text.slice(0, 30), s.role])).toEqual([
      ['Rubio warned the U.S. may aban', 'body'],
      ['Trump administration is pursui', 'body'],
      ['Paris talks showed some progre', 'body'],
      ['Rubio emphasized that “it’s no', 'body'],
      ['Russia continues deadly strike', 'body'],
    ]);
  });

  it('marks the photo credit of 000 and the outlet line of 003 as furniture', () => {
    expect(find('000_d92422b15f672f7c', '(Ludovic Marin, Pool Photo via AP)').role).toBe('furniture');
    expect(find('003_667c5379cb0513e8', 'Breitbart News').role).toBe('furniture');
    expect(find('003_667c5379cb0513e8', 'Read the full article').role).toBe('furniture');
  });

  it('attributes the Peskov quote of 002 to Dmitry Peskov', () => {
    const s = find('002_264115c7bb73e8f9', 'Kremlin spokesman Dmitry Peskov');
    expect(s.quotes).toEqual([
      {
        text: 'Russia is striving toward resolving this conflict, securing its own interests, and is open to dialogue.',
        start: 'Kremlin spokesman Dmitry Peskov has maintained that “'.length,
        end: s.text.length - 1,
        speaker: 'Dmitry Peskov',
      },
    ]);
  });

  it('attributes the two wordings of the "weeks or months" remark to Rubio', () => {
    const pak = find('001_ba9eee08ec8f519a', '“We’re not going to drag this out');
    const vt = find('000_d92422b15f672f7c', 'But we’re not going to continue with this endeavor');
    expect(pak.quotes.map((q) => q.speaker)).toEqual(['Marco Rubio']);
    expect(vt.quotes.map((q) => q.speaker)).toEqual(['Marco Rubio']);
  });

  it('titles each article by its heading, else its first sentence cut to fit', () => {
    expect(corpus.articles.map((a) => a.title)).toEqual([
      'The United States may withdraw from its efforts to broker peace between Russia and Ukraine within days if no tangible…',
      'U.S. President Donald Trump is prepared to abandon efforts to broker peace between Russia and Ukraine unless meaningful…',
      'Senator Rubio Issues Warning on Ukraine-Russia Peace Negotiations',
      'Neither Ukraine or Russia are engaging in the peace process properly, Secretary of State Marco Rubio suggested on Friday…',
      'The United States may withdraw from mediating the Russia-Ukraine conflict if no progress is made within the next few…',
    ]);
  });

  it('gives every sentence an id, its place, its text as a slice of the article and its tokens', () => {
    const texts = new Map(corpus.articles.map((a) => [a.id, a.text]));
    for (const s of corpus.sentences) {
      expect(s.id).toBe(`${s.articleId}:${s.index}`);
      expect(texts.get(s.articleId)!.slice(s.start, s.end)).toBe(s.text);
      expect(s.tokens).toEqual(normalizedTokens(s.text));
      for (const q of s.quotes) expect(s.text.slice(q.start, q.end)).toBe(q.text);
    }
    expect(new Set(corpus.sentences.map((s) => s.id)).size).toBe(corpus.sentences.length);
  });

  it('carries url, date and file from sources.json', () => {
    const breitbart = corpus.articles[3]!;
    expect([breitbart.url, breitbart.date, breitbart.file]).toEqual([null, '2025-04-18', '003_667c5379cb0513e8.txt']);
    expect(corpus.articles[4]!.url).toBe('https://thevoice.news/?p=16853');
  });
});

describe('corpusVersion', () => {
  it('is the same for the same inputs, in any order', () => {
    expect(buildCorpus([...seeds].reverse()).version).toBe(corpus.version);
    expect(corpusVersion(seeds)).toBe(corpusVersion([...seeds].reverse()));
  });

  it('changes when a text changes by one character', () => {
    const edited = seeds.map((s, i) => (i === 2 ? { ...s, text: s.text.replace('Quick Takes', 'Quick takes') } : s));
    expect(buildCorpus(edited).version).not.toBe(corpus.version);
  });

  it('changes when a sources.json entry changes', () => {
    const edited = seeds.map((s, i) => (i === 4 ? { ...s, meta: { ...s.meta, date: '2025-04-19' } } : s));
    expect(corpusVersion(edited)).not.toBe(corpusVersion(seeds));
  });

  it('changes when what is built changes', () => {
    expect(corpusVersion(seeds, { points: [] })).not.toBe(corpusVersion(seeds, { points: [{ id: 'p1' }] }));
  });

  it('does not depend on object key order', () => {
    expect(corpusVersion(seeds, { a: 1, b: 2 })).toBe(corpusVersion(seeds, { b: 2, a: 1 }));
  });
});

describe('bad inputs', () => {
  const seed = seeds[0]!;
  const errorOf = (fn: () => unknown): CorpusInputError => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(CorpusInputError);
      return error as CorpusInputError;
    }
    throw new Error('no error thrown');
  };

  it('names an empty seed', () => {
    expect(errorOf(() => buildCorpus([{ ...seed, text: '  \n ' }])).message).toBe(`seeds/${seed.file}: is empty`);
  });

  it('names a binary seed', () => {
    expect(errorOf(() => buildArticle({ ...seed, text: 'PK\u0003\u0004\u0000\u0000' })).message).toBe(
      `seeds/${seed.file}: contains NUL bytes (first at line 1, column 5): it is a binary file, not article text`,
    );
  });

  it('names a seed over the size limit and says the limit', () => {
    const huge = 'Rubio said the talks would end. '.repeat(330_000); // ~10 MB
    expect(errorOf(() => buildCorpus([{ ...seed, text: huge }])).message).toBe(
      `seeds/${seed.file}: is 10.1 MB; an article may be at most 2 MB`,
    );
  });

  it('names a seed whose sources.json entry is for another file', () => {
    expect(errorOf(() => buildArticle({ ...seed, meta: seeds[1]!.meta })).message).toBe(
      `seeds/${seed.file}: its sources.json entry is for ${seeds[1]!.file}`,
    );
  });

  it('reports every bad seed at once, and a seed given twice', () => {
    const error = errorOf(() => buildCorpus([{ ...seed, text: '' }, seeds[1]!, seeds[1]!, { ...seeds[2]!, text: '…—…' }]));
    expect(error.problems.map((p) => `${p.input}: ${p.problem}`)).toEqual([
      `seeds/${seed.file}: is empty`,
      `seeds/${seeds[1]!.file}: is given twice`,
      `seeds/${seeds[2]!.file}: has no words: nothing but punctuation and spaces`,
    ]);
  });

  it('refuses to build a corpus from nothing', () => {
    expect(errorOf(() => buildCorpus([])).message).toBe('seeds: there are no seed articles to build a corpus from');
  });
});

describe('buildArticle on the largest allowed articles', () => {
  const quotesOnOneLine = (repeats: number) => '“Yes,” he said. Secretary of State Marco Rubio told “them,” she said. '.repeat(repeats);

  it('builds 1.6 MB of quotes and attributions on one line', () => {
    const { sentences } = buildArticle({ id: 'user-big', outlet: 'Example', text: quotesOnOneLine(23_000) });
    expect(sentences).toHaveLength(46_000);
    expect(sentences[1]!.quotes.map((q) => q.speaker)).toEqual(['Marco Rubio']);
    // Seconds of work, longer on a busy machine; the time bound is the growth check below.
  }, 120_000);

  it('builds quotes and attributions on one line in time linear in their length', () => {
    // Quadratic steps took many minutes on the 1.6 MB input above.
    const small = quotesOnOneLine(150);
    const large = quotesOnOneLine(150 * GROWTH);
    const build = (text: string) => () => buildArticle({ id: 'user-big', outlet: 'Example', text });
    const measured = compareGrowth(build(small), build(large), GROWTH, LINEAR_LIMIT);
    expect(measured.ratio, describeGrowth('text', measured)).toBeLessThan(LINEAR_LIMIT);
  }, 60_000);
});

describe('buildArticle for a reader’s article', () => {
  const text = 'Rubio Warns of Walking Away\nSecretary of State Marco Rubio said on Friday the U.S. could quit the talks. “We are not going to drag this out,” Rubio said.\nSubscribe to our newsletter for more.';

  it('builds sentences, roles and quotes as for a seed', () => {
    const { article, sentences } = buildArticle({ id: 'user-1', outlet: 'Example Daily', text, url: 'https://example.com/a', date: null });
    expect(article).toEqual({
      id: 'user-1',
      origin: 'user',
      outlet: 'Example Daily',
      title: 'Rubio Warns of Walking Away',
      url: 'https://example.com/a',
      date: null,
      file: null,
      text,
    });
    expect(sentences.map((s) => [s.id, s.role])).toEqual([
      ['user-1:0', 'heading'],
      ['user-1:1', 'body'],
      ['user-1:2', 'body'],
      ['user-1:3', 'furniture'],
    ]);
    expect(sentences[2]!.quotes.map((q) => [q.text, q.speaker])).toEqual([['We are not going to drag this out', 'Marco Rubio']]);
  });

  it('uses a given title, and makes a fresh user id when none is given', () => {
    const a = buildArticle({ outlet: 'Example Daily', text, title: '  Rubio: days, not weeks  ' });
    const b = buildArticle({ outlet: 'Example Daily', text });
    expect(a.article.title).toBe('Rubio: days, not weeks');
    expect(a.article.id).toMatch(/^user-[0-9a-f-]{36}$/u);
    expect(b.article.id).not.toBe(a.article.id);
  });

  it('names the article by its URL when it is bad', () => {
    expect(() => buildArticle({ outlet: 'Example Daily', text: '', url: 'https://example.com/a' })).toThrow(
      'the article from https://example.com/a: is empty',
    );
    expect(() => buildArticle({ outlet: ' ', text: 'Some text.' })).toThrow('has no outlet name');
  });
});
