// The hover card: what it says for a sentence and for a selection, and that page and corpus text
// reach the DOM as text only, however much it looks like markup.
import { describe, expect, it, vi } from 'vitest';
import {
  lookupCardModel,
  markNewWords,
  MAX_CARD_DIFFERENCES,
  MAX_CARD_ENTRIES,
  renderCard,
  sentenceCardModel,
  truncateParts,
} from '../../../lib/page/card';
import type { Match, MatchKind, SentenceResult } from '../../../lib/types';

function match(id: string, outlet: string, text: string, kind: MatchKind = 'reworded'): Match {
  return { sentenceId: id, articleId: id.split(':')[0]!, outlet, file: null, url: null, text, score: 0.8, kind, pointId: null };
}

function result(text: string, matches: Match[], index = 3): SentenceResult {
  return { index, text, pointId: null, matches };
}

const PAGE = 'Rubio said the United States may walk away within days.';

describe('markNewWords', () => {
  it('marks the words the page sentence does not use, case aside, and keeps the text as written', () => {
    const parts = markNewWords(PAGE, 'Rubio warned that Washington could walk away within days.');
    expect(parts.map((p) => p.text).join('')).toBe('Rubio warned that Washington could walk away within days.');
    expect(parts.filter((p) => p.changed).map((p) => p.text)).toEqual(['warned that Washington could']);
    expect(markNewWords(PAGE, 'RUBIO SAID.').some((p) => p.changed)).toBe(false);
  });
});

describe('truncateParts', () => {
  it('cuts at a word boundary and ends with an ellipsis', () => {
    const cut = truncateParts([{ text: 'one two three four', changed: false }, { text: ' five', changed: true }], 12);
    expect(cut.map((p) => p.text).join('')).toBe('one two…');
    expect(truncateParts([{ text: 'short', changed: false }], 12)).toEqual([{ text: 'short', changed: false }]);
  });
});

describe('sentenceCardModel', () => {
  it('lists each other outlet’s wording with its kind, at most a few, and counts the rest', () => {
    const matches = Array.from({ length: MAX_CARD_ENTRIES + 2 }, (_, i) => match(`a${i}:1`, `Outlet ${i}`, `Wording ${i} of the point.`));
    const model = sentenceCardModel(result(PAGE, matches));
    expect(model.entries.map((e) => e.outlet)).toEqual(['Outlet 0', 'Outlet 1', 'Outlet 2', 'Outlet 3']);
    expect(model.more).toBe(2);
    expect(model.heading).toContain('6 other wordings');
    expect(model.compareLabel).toBe('Compare in panel');
  });
});

describe('lookupCardModel', () => {
  it('asks for a selection when there is none, and says so when nothing matched', () => {
    expect(lookupCardModel('  ', [])).toMatchObject({ entries: [], compareLabel: null, empty: expect.stringMatching(/select some text/i) });
    expect(lookupCardModel('A cat sat on the mat.', [])).toMatchObject({ entries: [], compareLabel: null, empty: expect.stringMatching(/no outlet/i) });
  });

  it('lists the matches of every selected sentence once', () => {
    const shared = match('b:2', 'Breitbart News', 'Rubio warned the US could walk away.');
    const model = lookupCardModel('two sentences', [result('First.', [shared], 0), result('Second.', [shared, match('c:4', 'Reuters', 'Other.')], 1)]);
    expect(model.entries.map((e) => e.outlet)).toEqual(['Breitbart News', 'Reuters']);
    expect(model.compareLabel).not.toBeNull();
  });
});

describe('renderCard', () => {
  const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>&amp; </p><b>bold</b>';

  it('puts hostile page and corpus text in as text, creating no element from it', () => {
    const model = sentenceCardModel(
      result(`${HOSTILE} said Rubio.`, [match('x:1', `<b>Outlet</b>${HOSTILE}`, `Rubio ${HOSTILE} warned.`, 'quote')]),
    );
    const card = renderCard(document, model, { onCompare: vi.fn(), onClose: vi.fn() });
    document.body.append(card);

    expect(card.querySelectorAll('img, script, b')).toHaveLength(0);
    expect(card.querySelector('.outlet')!.textContent).toBe(`<b>Outlet</b>${HOSTILE}`);
    expect(card.querySelector('.wording')!.textContent).toBe(`Rubio ${HOSTILE} warned.`);
    expect(card.querySelector('.kind')!.textContent).toBe('Quote worded differently');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('marks the other outlet’s own words and wires its buttons', () => {
    const onCompare = vi.fn();
    const onClose = vi.fn();
    const card = renderCard(document, sentenceCardModel(result(PAGE, [match('x:1', 'Reuters', 'Rubio warned Washington may walk away within days.')])), {
      onCompare,
      onClose,
    });
    expect([...card.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['warned Washington']);
    (card.querySelector('.compare') as HTMLButtonElement).click();
    (card.querySelector('.close') as HTMLButtonElement).click();
    expect(onCompare).toHaveBeenCalledOnce();
    expect(onClose).toHaveBeenCalledOnce();
    expect(card.getAttribute('role')).toBe('dialog');
  });
});

describe('the card names each wording’s loudest changes of claim', () => {
  // Wordings written for this test: a council's plan, told firm, hedged, sooner, and with a name added.
  const page = 'The council will close the central library next month, the mayor said.';

  it('gives each wording at most its two loudest changes, none for one that only adds a name or says the same', () => {
    const model = sentenceCardModel(
      result(page, [
        match('a:1', 'Evening Post', 'The council could close the central library within weeks after 300 objections, the mayor said.'),
        match('b:1', 'Valley Times', 'The council will close the central library in Riverton next month, the mayor said.'),
        match('c:1', 'Daily Ledger', 'The council will shut the central library next month, the mayor said.'),
      ]),
    );
    const [hedged, named, same] = model.entries;
    expect(hedged!.differences.map((d) => `${d.label}: ${d.change}`)).toEqual(['Certainty: will → could', 'Time frame: next month → within weeks']);
    expect(hedged!.differences).toHaveLength(MAX_CARD_DIFFERENCES);
    expect(named!.differences).toEqual([]);
    expect(same!.differences).toEqual([]);
  });

  it('draws them above the wording, labels and changes as text, and nothing for a wording without one', () => {
    const model = sentenceCardModel(
      result(page, [
        match('a:1', 'Evening Post', 'The council could close the central library next month, the mayor said.'),
        match('c:1', 'Daily Ledger', 'The council will close the central library next month, the mayor said.', 'verbatim'),
      ]),
    );
    const card = renderCard(document, model, { onCompare: vi.fn(), onClose: vi.fn() });
    const [first, second] = [...card.querySelectorAll('.entry')];
    const claims = first!.querySelector('.claims')!;
    expect(claims.textContent).toBe('Certainty: will → could');
    expect(claims.querySelector('.claim')!.getAttribute('data-aspect')).toBe('certainty');
    expect(claims.nextElementSibling!.className).toBe('wording');
    expect(second!.querySelector('.claims')).toBeNull();
  });
});
