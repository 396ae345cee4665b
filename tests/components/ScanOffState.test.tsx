import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/preact';
import { Panel } from '../../components/Panel';
import type { PanelData } from '../../lib/compare/panel-data';

const off: PanelData = {
  tab: {
    status: 'off',
    reason: 'Automatic scanning is off for example.com in Parallax’s settings.',
    url: 'https://example.com/news',
    site: 'example.com',
  },
  corpus: null,
};

function renderPanel(data: PanelData) {
  const props = {
    highlightsOn: true,
    onToggleHighlights: vi.fn(),
    onRevealSentence: vi.fn(),
    onRetry: vi.fn(),
    onScanSelection: vi.fn(),
    onOpenSettings: vi.fn(),
  };
  render(<Panel data={data} {...props} />);
  return props;
}

describe('the panel on a page the reader does not let Parallax scan', () => {
  it('says scanning is off and where, and keeps the selection lookup and the way to the settings', () => {
    const props = renderPanel(off);
    expect(screen.getByRole('heading', { name: 'Automatic scanning is off here' })).toBeTruthy();
    expect(screen.getByText('Automatic scanning is off for example.com in Parallax’s settings.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Scan my selection' }));
    expect(props.onScanSelection).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Change scanning settings' }));
    expect(props.onOpenSettings).toHaveBeenCalledOnce();
  });

  it('shows what a selection matched', () => {
    renderPanel({ ...off, selection: { status: 'done', sentences: [] } });
    expect(screen.getByText('Nothing in your selection matches another outlet’s wording.')).toBeTruthy();
  });

  it('has a way to the settings from every view', () => {
    const props = renderPanel({ tab: { status: 'pending' }, corpus: null });
    fireEvent.click(screen.getByRole('button', { name: 'Your articles and settings' }));
    expect(props.onOpenSettings).toHaveBeenCalledOnce();
  });
});
