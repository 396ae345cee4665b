import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/preact';
import { QuoteVariants } from '../../components/QuoteVariants';
import { isNotableQuoteGroup, quoteGroupsForSentence, quotedSpeakers } from '../../lib/compare/quotes';
import { corpus, outletOf, quoteIn, pakReceptionQuotes, pakReceptionResult, urlOf, voicePeskovResult, PAK, PARTIALLY, VOICE } from '../fixtures/panel';

describe('QuoteVariants', () => {
  it('flags Partially Politics as alone in quoting Peskov', () => {
    // The page quotes Peskov in another sentence, so his quotes are compared.
    const pageSpeakers = quotedSpeakers([[quoteIn('“We are open,” Peskov said.', 'We are open,', 'Dmitry Peskov')]]);
    const groups = quoteGroupsForSentence(voicePeskovResult, { site: 'thevoice.news', url: urlOf(VOICE)! }, [], corpus, pageSpeakers);
    render(<QuoteVariants groups={groups.filter(isNotableQuoteGroup)} />);
    const group = screen.getByRole('region', { name: 'Quotes of Dmitry Peskov' });
    expect(within(group).getByRole('heading', { level: 4 }).textContent).toBe('Quote of Dmitry Peskov');
    expect(group.querySelector('blockquote')!.textContent).toBe(
      'Russia is striving toward resolving this conflict, securing its own interests, and is open to dialogue.',
    );
    expect(group.querySelector('.px-flag')!.textContent).toBe(`Only ${outletOf(PARTIALLY)} puts this in quotation marks.`);
  });

  it('names the outlet that has the quoted words without quotation marks', () => {
    const groups = quoteGroupsForSentence(pakReceptionResult, { site: 'pakcorrespondent.com', url: urlOf(PAK)! }, pakReceptionQuotes, corpus);
    render(<QuoteVariants groups={groups} />);
    const office = screen.getByRole('region', { name: 'Quotes of Zelensky’s office' });
    expect(office.querySelector('.px-flag')!.textContent).toBe(
      `Only this page (pakcorrespondent.com) puts this in quotation marks; ${outletOf(VOICE)} has these words without them.`,
    );
    expect(office.querySelector('.px-variant-by')!.textContent).toBe('Quoted by this page (pakcorrespondent.com)');
  });

  it('draws nothing without groups', () => {
    const { container } = render(<QuoteVariants groups={[]} />);
    expect(container.innerHTML).toBe('');
  });
});
