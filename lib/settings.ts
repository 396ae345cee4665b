/**
 * The reader's settings for automatic scanning: on or off entirely, and sites where it is off.
 * Selection lookups (the context menu, the shortcut, "Scan my selection") work everywhere whatever
 * these say: they are the reader asking.
 *
 * Stored in the extension's storage.local under one key. The content script reads them itself
 * before it scans (a storage read, no message to the background), so nothing of a page on a site
 * where scanning is off is read; it only tells the background that it skipped the page, so the
 * panel can say why.
 */
import type { StorageArea } from './storage-area';

export interface ScanSettings {
  /** Scan news pages as they load. */
  autoScan: boolean;
  /** Sites (host names without "www.") where pages are not scanned; each covers its subdomains. */
  offSites: string[];
}

export const SETTINGS_KEY = 'settings';

export const DEFAULT_SETTINGS: Readonly<ScanSettings> = { autoScan: true, offSites: [] };

/** Most sites the off list holds; a longer list is a pasted something else. */
export const MAX_OFF_SITES = 1000;

/**
 * Settings from whatever is stored: a missing or malformed field takes its default, so a damaged
 * value never stops scanning decisions (it can only fall back to scanning, which the reader sees).
 */
export function readSettings(stored: unknown): ScanSettings {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Record<keyof ScanSettings, unknown>>;
  const offSites = Array.isArray(value.offSites)
    ? [...new Set(value.offSites.filter((s): s is string => typeof s === 'string' && HOST.test(s)))].slice(0, MAX_OFF_SITES)
    : [];
  return { autoScan: typeof value.autoScan === 'boolean' ? value.autoScan : DEFAULT_SETTINGS.autoScan, offSites };
}

export async function loadSettings(area: StorageArea): Promise<ScanSettings> {
  return readSettings((await area.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

export async function saveSettings(area: StorageArea, settings: ScanSettings): Promise<void> {
  await area.set({ [SETTINGS_KEY]: readSettings(settings) });
}

/** A host name, an IPv4 address, or a bracketed IPv6 address, as URL.hostname gives them. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])$/u;

/** The site of an http(s) address: its host name without "www."; null for other addresses. */
export function siteOfUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.hostname.replace(/^www\./u, '');
  } catch {
    return null;
  }
}

/**
 * The site the reader means by what they typed: "nytimes.com", "www.nytimes.com" or a whole
 * address ("https://www.nytimes.com/2025/…") all give "nytimes.com". Else a problem naming the input.
 */
export function parseSite(input: string): { site: string } | { problem: string } {
  const text = input.trim();
  if (text === '') return { problem: 'Type a site, such as nytimes.com.' };
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//iu.test(text) ? text : `https://${text}`;
  const site = siteOfUrl(withScheme);
  // A bare word ("news") is a typo far more often than a host on the reader's network.
  const bareWord = site !== null && !site.includes('.') && !site.startsWith('[') && site !== 'localhost';
  if (site === null || !HOST.test(site) || bareWord) {
    return { problem: `“${text}” is not a site: type a host name such as nytimes.com, or paste a page’s address.` };
  }
  return { site };
}

/** Whether `site` is `host` or a subdomain of it ("news.example.com" is under "example.com"). */
function isUnder(host: string, site: string): boolean {
  return host === site || host.endsWith(`.${site}`);
}

/** Whether a page at `url` is scanned automatically under `settings`. */
export function autoScanAllowed(settings: ScanSettings, url: string): boolean {
  if (!settings.autoScan) return false;
  const host = siteOfUrl(url);
  if (host === null) return false;
  return !settings.offSites.some((site) => isUnder(host, site));
}

/** Why a page at `url` is not scanned, for the reader; null when it is. */
export function autoScanOffReason(settings: ScanSettings, url: string): string | null {
  if (autoScanAllowed(settings, url)) return null;
  if (!settings.autoScan) return 'Automatic scanning is off in Parallax’s settings.';
  const host = siteOfUrl(url);
  const site = settings.offSites.find((s) => host !== null && isUnder(host, s));
  return site === undefined
    ? 'Parallax scans only web pages (http and https).'
    : `Automatic scanning is off for ${site} in Parallax’s settings.`;
}

/** The settings with `site` added to the off list (kept sorted, each once). */
export function withSiteOff(settings: ScanSettings, site: string): ScanSettings {
  return { ...settings, offSites: [...new Set([...settings.offSites, site])].sort() };
}

export function withSiteOn(settings: ScanSettings, site: string): ScanSettings {
  return { ...settings, offSites: settings.offSites.filter((s) => s !== site) };
}
