/**
 * Whether the reader lets this page be scanned automatically (lib/settings.ts). The content script
 * reads storage.local itself, before anything of the page is read.
 */
import { browser } from 'wxt/browser';
import { autoScanOffReason, loadSettings } from '@/lib/settings';

/** Why automatic scanning is off for `url`, or null when the page is scanned. */
export async function autoScanOff(url: string): Promise<string | null> {
  return autoScanOffReason(await loadSettings(browser.storage.local), url);
}
