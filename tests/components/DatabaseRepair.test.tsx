import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import { DatabaseRepair } from '../../components/DatabaseRepair';
import { ErrorState } from '../../components/PanelStates';
import { REBUILD_ADVICE } from '../../lib/db/problems';

const DAMAGED = `Parallax's database is damaged: 6 of its 6 articles have no sentences. ${REBUILD_ADVICE}`;

describe('DatabaseRepair', () => {
  it('shows the database’s problem, rebuilds, and says what came back', async () => {
    const onRebuild = vi.fn(async () => 'Rebuilt the database: the bundled articles are stored again, and 2 articles of yours came back.');
    render(<DatabaseRepair onRebuild={onRebuild} problem={DAMAGED} />);
    expect(screen.getByRole('alert').textContent).toBe(DAMAGED);
    fireEvent.click(screen.getByRole('button', { name: 'Rebuild database' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/^Rebuilt the database: .* 2 articles of yours came back\.$/);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says why a rebuild failed', async () => {
    const onRebuild = vi.fn(async () => {
      throw new Error('The bundled corpus is corrupt: it has no articles.');
    });
    render(<DatabaseRepair onRebuild={onRebuild} problem={null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Rebuild database' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The bundled corpus is corrupt: it has no articles.');
  });
});

describe('the panel’s error view', () => {
  it('offers the rebuild for a database problem', () => {
    const onRebuildDatabase = vi.fn();
    render(<ErrorState message={DAMAGED} onRetry={vi.fn()} onRebuildDatabase={onRebuildDatabase} />);
    fireEvent.click(screen.getByRole('button', { name: 'Rebuild database' }));
    expect(onRebuildDatabase).toHaveBeenCalledOnce();
  });

  it('does not offer it for other errors, nor without a way to do it', () => {
    const { rerender } = render(<ErrorState message="The page could not be read." onRetry={vi.fn()} onRebuildDatabase={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'Rebuild database' })).toBeNull();
    rerender(<ErrorState message={DAMAGED} onRetry={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'Rebuild database' })).toBeNull();
  });
});
