import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { ScanSettingsForm } from '../../components/ScanSettingsForm';
import { DEFAULT_SETTINGS, type ScanSettings } from '../../lib/settings';

describe('ScanSettingsForm', () => {
  it('turns automatic scanning off entirely', async () => {
    const onChange = vi.fn(async () => 'Saved.');
    render(<ScanSettingsForm settings={DEFAULT_SETTINGS} onChange={onChange} />);
    const box = screen.getByRole('checkbox', { name: 'Scan news pages automatically' }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    await waitFor(() => expect(onChange).toHaveBeenCalledWith({ autoScan: false, offSites: [] }));
  });

  it('turns scanning off for a site typed or pasted as an address', async () => {
    const onChange = vi.fn(async () => 'Saved.');
    render(<ScanSettingsForm settings={{ autoScan: true, offSites: ['b.org'] }} onChange={onChange} />);
    fireEvent.input(screen.getByLabelText('Site'), { target: { value: 'https://www.example.com/news/1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Don’t scan this site' }));
    await waitFor(() => expect(onChange).toHaveBeenCalledWith({ autoScan: true, offSites: ['b.org', 'example.com'] }));
    expect((screen.getByLabelText('Site') as HTMLInputElement).value).toBe('');
  });

  it('says what is wrong with something that is not a site, and saves nothing', async () => {
    const onChange = vi.fn(async () => 'Saved.');
    render(<ScanSettingsForm settings={DEFAULT_SETTINGS} onChange={onChange} />);
    fireEvent.input(screen.getByLabelText('Site'), { target: { value: 'news' } });
    fireEvent.click(screen.getByRole('button', { name: 'Don’t scan this site' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '“news” is not a site: type a host name such as nytimes.com, or paste a page’s address.',
    );
    expect(onChange).not.toHaveBeenCalled();
  });

  it('lists the sites it skips, each with a way back', async () => {
    const settings: ScanSettings = { autoScan: true, offSites: ['a.com', 'b.org'] };
    const onChange = vi.fn(async () => 'Saved.');
    render(<ScanSettingsForm settings={settings} onChange={onChange} />);
    const list = screen.getByRole('list', { name: 'Sites Parallax does not scan' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['a.comScan again', 'b.orgScan again']);
    fireEvent.click(screen.getByRole('button', { name: 'Scan a.com again' }));
    await waitFor(() => expect(onChange).toHaveBeenCalledWith({ autoScan: true, offSites: ['b.org'] }));
  });
});
