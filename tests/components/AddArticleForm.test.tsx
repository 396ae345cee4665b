import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { AddArticleForm } from '../../components/AddArticleForm';
import type { PageArticle } from '../../lib/protocol';

const TEXT = 'Rubio said the United States may walk away within days.\n\nHe spoke in Paris.';

function fill(label: RegExp, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe('AddArticleForm', () => {
  it('sends a pasted article with its outlet, address, title and date, then clears the form', async () => {
    const onAdd = vi.fn(async () => 'Added Harbor City Ledger’s “Rubio in Paris”.');
    render(<AddArticleForm onAdd={onAdd} />);
    fill(/^Outlet/, ' Harbor City Ledger ');
    fill(/^Address/, 'https://ledger.example/rubio');
    fill(/^Title/, 'Rubio in Paris');
    fill(/^Published/, '2025-04-18');
    fill(/^Article text/, TEXT);
    fireEvent.click(screen.getByRole('button', { name: 'Add article' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Added Harbor City Ledger’s “Rubio in Paris”.');
    expect(onAdd).toHaveBeenCalledWith(
      { outlet: ' Harbor City Ledger ', text: TEXT, title: 'Rubio in Paris', url: 'https://ledger.example/rubio', date: '2025-04-18' },
      'paste',
    );
    expect((screen.getByLabelText(/^Article text/) as HTMLTextAreaElement).value).toBe('');
  });

  it('names what is wrong before sending anything: empty text, binary text, a 10 MB paste, no outlet', async () => {
    const onAdd = vi.fn(async () => 'added');
    render(<AddArticleForm onAdd={onAdd} />);
    const add = () => fireEvent.click(screen.getByRole('button', { name: 'Add article' }));

    add();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The pasted article: is empty. The pasted article: has no outlet name: say which outlet published it.',
    );
    fill(/^Outlet/, 'Ledger');
    fill(/^Article text/, 'GIF89a\u0000\u0001binary');
    add();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^The pasted article: contains NUL bytes .* it is a binary file, not article text\.$/));
    fill(/^Article text/, 'Rubio spoke. '.repeat((10 * 1024 * 1024) / 13));
    add();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The pasted article: is 10 MB; an article may be at most 2 MB.'));
    expect(onAdd).not.toHaveBeenCalled();
    // What was typed stays, to be fixed.
    expect((screen.getByLabelText(/^Outlet/) as HTMLInputElement).value).toBe('Ledger');
  });

  it('shows the background’s refusal and keeps the form', async () => {
    const onAdd = vi.fn(async () => {
      throw new Error('the pasted article: is not added: its text is already stored, as The Voice News’s “…”');
    });
    render(<AddArticleForm onAdd={onAdd} />);
    fill(/^Outlet/, 'Copycat');
    fill(/^Article text/, TEXT);
    fireEvent.click(screen.getByRole('button', { name: 'Add article' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/already stored/);
    expect((screen.getByLabelText(/^Article text/) as HTMLTextAreaElement).value).toBe(TEXT);
  });

  it('takes the page’s article, with its title, address and site as outlet, and sends it as from the page', async () => {
    const page: PageArticle = { title: 'Rubio warns', url: 'https://www.ledger.example/world/rubio', text: TEXT, problem: null };
    const onAdd = vi.fn(async () => 'added');
    render(<AddArticleForm onAdd={onAdd} onTakePageArticle={async () => page} />);
    fireEvent.click(screen.getByRole('button', { name: 'Use this page’s article' }));
    await waitFor(() => expect((screen.getByLabelText(/^Article text/) as HTMLTextAreaElement).value).toBe(TEXT));
    expect((screen.getByLabelText(/^Outlet/) as HTMLInputElement).value).toBe('ledger.example');
    expect((screen.getByLabelText(/^Title/) as HTMLInputElement).value).toBe('Rubio warns');
    fill(/^Outlet/, 'Harbor City Ledger');
    fireEvent.click(screen.getByRole('button', { name: 'Add article' }));
    await waitFor(() => expect(onAdd).toHaveBeenCalledWith(expect.objectContaining({ outlet: 'Harbor City Ledger', url: page.url }), 'page'));
  });

  it('says why a page has no article to take', async () => {
    const page: PageArticle = { title: 'Home', url: 'https://ledger.example/', text: '', problem: 'Parallax found no article on this page (index-page).' };
    render(<AddArticleForm onAdd={vi.fn()} onTakePageArticle={async () => page} />);
    fireEvent.click(screen.getByRole('button', { name: 'Use this page’s article' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Parallax found no article on this page (index-page).');
  });

  it('offers no page’s article when the settings were not opened for a page', () => {
    render(<AddArticleForm onAdd={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'Use this page’s article' })).toBeNull();
  });
});
