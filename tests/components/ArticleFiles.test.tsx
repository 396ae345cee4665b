import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import { ArticleFiles } from '../../components/ArticleFiles';

describe('ArticleFiles', () => {
  it('exports, and says where to', async () => {
    const onExport = vi.fn(async () => 'Exported 2 articles to parallax-articles-2025-04-21.json.');
    render(<ArticleFiles onExport={onExport} onImport={vi.fn()} canExport />);
    fireEvent.click(screen.getByRole('button', { name: 'Export to a file' }));
    expect((await screen.findByRole('status')).textContent).toBe('Exported 2 articles to parallax-articles-2025-04-21.json.');
  });

  it('has nothing to export without articles', () => {
    render(<ArticleFiles onExport={vi.fn()} onImport={vi.fn()} canExport={false} />);
    expect((screen.getByRole('button', { name: 'Export to a file' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('imports the chosen file and shows what the import said, good or bad', async () => {
    const onImport = vi
      .fn<(file: File) => Promise<string>>()
      .mockResolvedValueOnce('Imported 2 articles from mine.json.')
      .mockRejectedValueOnce(new Error('bad.json: is not valid JSON (Unexpected end of JSON input). Nothing was imported.'));
    render(<ArticleFiles onExport={vi.fn()} onImport={onImport} canExport />);
    const input = screen.getByLabelText('Import from a file') as HTMLInputElement;
    const choose = (file: File) => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      fireEvent.change(input);
    };
    choose(new File(['{}'], 'mine.json', { type: 'application/json' }));
    expect((await screen.findByRole('status')).textContent).toBe('Imported 2 articles from mine.json.');
    expect(onImport.mock.calls[0]?.[0].name).toBe('mine.json');
    choose(new File(['{'], 'bad.json', { type: 'application/json' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'bad.json: is not valid JSON (Unexpected end of JSON input). Nothing was imported.',
    );
  });
});
