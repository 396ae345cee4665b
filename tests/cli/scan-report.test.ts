// The readable report: differences marked as the panel marks them, colour only where asked for.
import { describe, expect, it } from 'vitest';
import { diffWording } from '../../lib/diff/words';
import type { PageScan } from '../../lib/cli/scan';
import { compareSentence } from '../../lib/compare/sentence-comparison';
import type { SentenceResult } from '../../lib/types';
import { formatScanReport, markDifferences } from '../../lib/cli/scan-report';
import { terminalStyle, wantsColor } from '../../lib/cli/terminal';

const plain = terminalStyle(false);
const colour = terminalStyle(true);
const ESC = '\u001b[';

describe('markDifferences', () => {
  it('marks words only the page has and words only the other outlet has', () => {
    const marked = markDifferences(
      diffWording('“We’re not going to drag this out for weeks or months.', 'But we’re not going to continue with this endeavor for weeks and months on end.”'),
      plain,
    );
    expect(marked).toBe('[-“-]{+But+} we’re not going to [-drag-]{+continue with+} this [-out-]{+endeavor+} for weeks [-or-]{+and+} months {+on end+}.”');
  });

  it('leaves differences of case, quote style and punctuation unmarked on a plain terminal', () => {
    const marked = markDifferences(diffWording('Rubio said the talks were "constructive."', 'rubio said the talks were “constructive”'), plain);
    expect(marked).toBe('rubio said the talks were “constructive”');
    expect(marked).not.toMatch(/\[-|\{\+/u);
  });

  it('colours instead of bracketing on a colour terminal, and dims quiet differences', () => {
    const marked = markDifferences(diffWording('Rubio says talks stalled.', 'rubio said talks stalled.'), colour);
    expect(marked).toBe(`${ESC}2mrubio${ESC}22m ${ESC}9;31msays${ESC}29;39m ${ESC}4;32msaid${ESC}24;39m talks stalled.`);
  });
});

describe('colour', () => {
  it('is used only on a terminal, and never when NO_COLOR is set', () => {
    expect(wantsColor(true, {})).toBe(true);
    expect(wantsColor(true, { NO_COLOR: '' })).toBe(true);
    expect(wantsColor(true, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColor(false, {})).toBe(false);
    expect(wantsColor(undefined, {})).toBe(false);
  });
});

describe('formatScanReport', () => {
  // A sentence and its other wordings written for this test: one outlet the same, one hedging
  // where the page is firm and giving another time frame, one naming the city only it names.
  const sentence: SentenceResult = {
    index: 1,
    text: 'The council will close the central library next month, the mayor said.',
    pointId: null,
    matches: [
      {
        sentenceId: 'a:3', articleId: 'a', outlet: 'Daily Ledger', file: 'a.txt', url: null,
        text: 'The council will close the central library next month, the mayor said.', score: 1, kind: 'verbatim', pointId: null,
      },
      {
        sentenceId: 'b:5', articleId: 'b', outlet: 'Evening Post', file: 'b.txt', url: null,
        text: 'The council could shut the central library within weeks, the mayor said.', score: 0.71, kind: 'reworded', pointId: null,
      },
      {
        sentenceId: 'c:2', articleId: 'c', outlet: 'Valley Times', file: 'c.txt', url: null,
        text: 'The council will close the central library in Riverton next month, the mayor said.', score: 0.83, kind: 'reworded', pointId: null,
      },
    ],
  };
  const scans: PageScan[] = [
    {
      input: 'page.html',
      url: 'file:///page.html',
      title: 'Council to close library',
      sentenceCount: 3,
      noArticle: null,
      verdict: { onStory: true, storyScore: 0.9, sentences: [sentence] },
      comparisons: [compareSentence(sentence, null, new Map())],
    },
    { input: 'gone.html', error: 'gone.html: no such file' },
  ];

  it('gives each input its title, verdict and matched sentences with how their claims differ, then a summary line', () => {
    expect(formatScanReport(scans, plain)).toBe(
      [
        'page.html',
        '  Council to close library',
        '  On the story (score 0.90): 1 of 3 sentences states a point other outlets report',
        '',
        '  [2] The council will close the central library next month, the mayor said.',
        '      Certainty: firm (will): this page, Daily Ledger, Valley Times · hedged (could): Evening Post',
        '      Time frame: months (next month): this page, Daily Ledger, Valley Times · weeks (within weeks): Evening Post',
        '      Daily Ledger · verbatim · 1.00 · same words',
        '      Evening Post · reworded · 0.71 · Certainty: will → could · Time frame: next month → within weeks',
        '        The council **[-will close-] {+could shut+}** the central library **[-next month-] {+within weeks+}**, the mayor said.',
        '      Valley Times · reworded · 0.83 · Same claim in other words',
        '        The council will close the central library {+in Riverton+} next month, the mayor said.',
        '',
        'gone.html',
        '  Could not be read: gone.html: no such file',
        '',
        '2 inputs: 1 read (1 on the story), 1 could not be read',
        '',
      ].join('\n'),
    );
  });

  it('writes no escape codes without colour, and some with it', () => {
    expect(formatScanReport(scans, plain)).not.toContain(ESC);
    expect(formatScanReport(scans, colour)).toContain(`${ESC}1m${ESC}9;31mwill`);
  });
});
