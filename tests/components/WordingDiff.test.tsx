import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/preact';
import { WordingDiff } from '../../components/WordingDiff';
import { breitbart, pak, vt } from '../fixtures/panel';

describe('WordingDiff', () => {
  it('marks changes of claim loudly and the same thing in other words quietly, and announces the changes', () => {
    const { container } = render(<WordingDiff base={vt.withdraw.text} other={pak.withdraw.text} summary />);
    const loud = [...container.querySelectorAll('.px-loud')].map((e) => [e.tagName, e.getAttribute('data-aspect'), e.textContent]);
    // "may" → "President Donald Trump is prepared to": how sure, and who acts.
    expect(loud).toContainEqual(['DEL', 'certainty', 'certainty changed, deleted: may']);
    expect(loud).toContainEqual(['INS', 'certainty', 'inserted instead: President Donald Trump is prepared to']);
    // "U.S." names what "The United States" names; "abandon" says what "withdraw" says.
    const same = [...container.querySelectorAll('.px-same')].map((e) => [e.textContent, e.getAttribute('title')]);
    expect(same).toContainEqual(['U.S.', 'This page: United States']);
    expect(same).toContainEqual(['abandon', 'This page: withdraw']);
    expect(container.querySelector('.px-diff-summary')!.textContent).toBe(
      'Certainty: may → is prepared to · Who acts: The United States → U.S. President Donald Trump',
    );
    // The shared words read as plain text between the marks.
    expect(container.querySelector('.px-diff')!.textContent).toContain(' efforts to broker peace between Russia and Ukraine ');
  });

  it('says when two wordings make the same claim in other words', () => {
    render(<WordingDiff base="The club may leave the league within weeks." other="The club may quit the league in the coming weeks." summary />);
    expect(screen.getByText('Same claim in other words')).toBeTruthy();
  });

  it('draws punctuation and spelling differences quietly, without announcing them', () => {
    const { container } = render(<WordingDiff base={vt.endeavor.text} other={breitbart.endeavour.text} summary />);
    expect(container.querySelectorAll('ins, del')).toHaveLength(0);
    const [spelling, mark] = [...container.querySelectorAll('.px-quiet')];
    expect(spelling!.textContent).toBe('endeavour');
    // Hovering shows how the page spells it.
    expect(spelling!.getAttribute('title')).toBe('This page: endeavor');
    expect(mark!.textContent).toBe('”');
    expect(mark!.classList.contains('px-quiet-deleted')).toBe(true);
    expect(mark!.getAttribute('aria-hidden')).toBe('true');
    expect(screen.getByText('Same words; only punctuation, case or spelling differs')).toBeTruthy();
  });

  it('says when only punctuation or case differs', () => {
    render(<WordingDiff base="“We’re not going to drag this out" other="we're not going to drag this out" summary />);
    expect(screen.getByText('Same words; only punctuation, case or spelling differs')).toBeTruthy();
  });

  it('renders text as text, never as markup', () => {
    const hostile = 'Rubio said <img src=x onerror=alert(1)> and <b>left</b>.';
    const { container } = render(<WordingDiff base={hostile} other={hostile} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toBe(hostile);
  });
});

describe('WordingDiff spacing', () => {
  it('keeps a space after deleted words where only the page has one', () => {
    // Partially Politics' sentence starts at "Secretary"; the page has "US Secretary".
    const { container } = render(
      <WordingDiff base="made, US Secretary of State Marco Rubio warned" other="Secretary of State Marco Rubio has delivered" />,
    );
    const text = container.querySelector('.px-diff')!.textContent!;
    expect(text).toBe('deleted: made, US Secretary of State Marco Rubio deleted: warned inserted instead: has delivered');
  });
});
