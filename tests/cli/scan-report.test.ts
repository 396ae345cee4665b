// The readable report: differences marked as the panel marks them, colour only where asked for.
import { describe, expect, it } from 'vitest';
import { diffWording } from '../../lib/diff/words';
import type { PageScan } from '../../lib/cli/scan';
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
  const scans: PageScan[] = [
    {
      input: 'page.html',
      url: 'file:///page.html',
      title: 'Rubio warns US may quit',
      sentenceCount: 3,
      noArticle: null,
      verdict: {
        onStory: true,
        storyScore: 0.9,
        sentences: [
          {
            index: 1,
            text: 'Kremlin spokesman Dmitry Peskov acknowledged limited progress.',
            pointId: null,
            matches: [
              {
                sentenceId: '004:7', articleId: '004', outlet: 'The Voice News', file: '004.txt', url: null,
                text: 'Kremlin spokesman Dmitry Peskov acknowledged limited progress.', score: 1, kind: 'verbatim', pointId: null,
              },
              {
                sentenceId: '001:9', articleId: '001', outlet: 'Pak Correspondent', file: '001.txt', url: null,
                text: 'Kremlin spokesperson Dmitry Peskov acknowledged that some progress had been made.', score: 0.675, kind: 'reworded', pointId: null,
              },
            ],
          },
        ],
      },
    },
    { input: 'gone.html', error: 'gone.html: no such file' },
  ];

  it('gives each input its title, verdict and matched sentences, then a summary line', () => {
    expect(formatScanReport(scans, plain)).toBe(
      [
        'page.html',
        '  Rubio warns US may quit',
        '  On the story (score 0.90): 1 of 3 sentences states a point other outlets report',
        '',
        '  [2] Kremlin spokesman Dmitry Peskov acknowledged limited progress.',
        '      The Voice News · verbatim · 1.00 · same words',
        '      Pak Correspondent · reworded · 0.68',
        '        Kremlin [-spokesman-]{+spokesperson+} Dmitry Peskov acknowledged [-limited-]{+that some+} progress {+had been made+}.',
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
    expect(formatScanReport(scans, colour)).toContain(`${ESC}9;31mspokesman`);
  });
});
