import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { UserArticleList } from '../../components/UserArticleList';
import type { UserArticleSummary } from '../../lib/db/user-articles';

const ledger: UserArticleSummary = {
  id: 'user-1',
  outlet: 'Harbor City Ledger',
  title: 'Rubio in Paris',
  url: 'https://ledger.example/rubio',
  date: '2025-04-18',
  addedAt: Date.parse('2025-04-19T10:00:00Z'),
  sentenceCount: 12,
  bytes: 2048,
};

describe('UserArticleList', () => {
  it('lists each article with its outlet, title, what Parallax made of it, and its address', () => {
    render(<UserArticleList articles={[ledger]} onRemove={vi.fn()} />);
    const item = within(screen.getByRole('list', { name: 'Your articles' })).getByRole('listitem');
    expect(item.textContent).toContain('Harbor City Ledger');
    expect(item.textContent).toContain('Rubio in Paris');
    expect(item.textContent).toContain('12 sentences · 2 KB · published 2025-04-18 · added');
    expect(within(item).getByRole('link').getAttribute('href')).toBe('https://ledger.example/rubio');
  });

  it('removes an article and says so', async () => {
    const onRemove = vi.fn(async () => 'Removed Harbor City Ledger’s “Rubio in Paris”.');
    render(<UserArticleList articles={[ledger]} onRemove={onRemove} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Harbor City Ledger: Rubio in Paris' }));
    expect((await screen.findByRole('status')).textContent).toBe('Removed Harbor City Ledger’s “Rubio in Paris”.');
    expect(onRemove).toHaveBeenCalledWith(ledger);
  });

  it('says there are none yet, and when the list is loading', () => {
    const { rerender } = render(<UserArticleList articles={null} onRemove={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toBe('Loading your articles…');
    rerender(<UserArticleList articles={[]} onRemove={vi.fn()} />);
    expect(screen.getByText(/You have not added any articles/)).toBeTruthy();
  });
});
