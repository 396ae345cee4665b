import { describe, expect, it } from 'vitest';
import {
  autoScanAllowed,
  autoScanOffReason,
  DEFAULT_SETTINGS,
  loadSettings,
  parseSite,
  readSettings,
  saveSettings,
  SETTINGS_KEY,
  withSiteOff,
  withSiteOn,
} from '../../lib/settings';
import { memoryStorageArea } from '../../lib/storage-area';

describe('which pages are scanned automatically', () => {
  it('scans every web page by default, and nothing else', () => {
    expect(autoScanAllowed(DEFAULT_SETTINGS, 'https://apnews.com/article/x')).toBe(true);
    expect(autoScanAllowed(DEFAULT_SETTINGS, 'http://127.0.0.1:8080/world.html')).toBe(true);
    expect(autoScanAllowed(DEFAULT_SETTINGS, 'file:///home/me/page.html')).toBe(false);
    expect(autoScanAllowed(DEFAULT_SETTINGS, 'not a url')).toBe(false);
  });

  it('scans nothing when automatic scanning is off', () => {
    const off = { ...DEFAULT_SETTINGS, autoScan: false };
    expect(autoScanAllowed(off, 'https://apnews.com/article/x')).toBe(false);
    expect(autoScanOffReason(off, 'https://apnews.com/article/x')).toBe('Automatic scanning is off in Parallax’s settings.');
  });

  it('skips a listed site and its subdomains, not sites that merely end alike', () => {
    const settings = withSiteOff(DEFAULT_SETTINGS, 'example.com');
    expect(autoScanAllowed(settings, 'https://example.com/a')).toBe(false);
    expect(autoScanAllowed(settings, 'https://www.example.com/a')).toBe(false);
    expect(autoScanAllowed(settings, 'https://news.example.com/a')).toBe(false);
    expect(autoScanAllowed(settings, 'https://notexample.com/a')).toBe(true);
    expect(autoScanAllowed(settings, 'https://example.com.evil.net/a')).toBe(true);
    expect(autoScanOffReason(settings, 'https://news.example.com/a')).toBe('Automatic scanning is off for example.com in Parallax’s settings.');
    expect(autoScanOffReason(settings, 'https://other.org/')).toBeNull();
    expect(autoScanAllowed(withSiteOn(settings, 'example.com'), 'https://example.com/a')).toBe(true);
  });
});

describe('parseSite', () => {
  it('takes a host name, a www. name or a whole address', () => {
    expect(parseSite('nytimes.com')).toEqual({ site: 'nytimes.com' });
    expect(parseSite(' WWW.NYTimes.com ')).toEqual({ site: 'nytimes.com' });
    expect(parseSite('https://www.nytimes.com/2025/04/18/world/rubio.html?x=1')).toEqual({ site: 'nytimes.com' });
    expect(parseSite('http://127.0.0.1:4173/page')).toEqual({ site: '127.0.0.1' });
    expect(parseSite('localhost')).toEqual({ site: 'localhost' });
  });

  it('says what is wrong with anything else', () => {
    expect(parseSite('')).toEqual({ problem: 'Type a site, such as nytimes.com.' });
    expect(parseSite('news')).toEqual({ problem: '“news” is not a site: type a host name such as nytimes.com, or paste a page’s address.' });
    expect(parseSite('two words.com')).toHaveProperty('problem');
    expect(parseSite('ftp://files.example.com')).toHaveProperty('problem');
  });
});

describe('stored settings', () => {
  it('round-trip through storage, and default when nothing is stored', async () => {
    const area = memoryStorageArea();
    expect(await loadSettings(area)).toEqual(DEFAULT_SETTINGS);
    await saveSettings(area, { autoScan: false, offSites: ['example.com'] });
    expect(await loadSettings(area)).toEqual({ autoScan: false, offSites: ['example.com'] });
  });

  it('read a damaged value field by field, keeping what is sound', () => {
    expect(readSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ autoScan: 'no', offSites: ['example.com', 7, 'Bad Site', 'example.com'] })).toEqual({
      autoScan: true,
      offSites: ['example.com'],
    });
  });

  it('are stored under one key', async () => {
    const area = memoryStorageArea();
    await saveSettings(area, withSiteOff(DEFAULT_SETTINGS, 'b.org'));
    expect([...area.data.keys()]).toEqual([SETTINGS_KEY]);
  });
});
