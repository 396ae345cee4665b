/** The README's screenshots, saved by the end-to-end tests from a real Chromium. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

export const SCREENSHOTS = resolve(import.meta.dirname, '../../../assets/screenshots');

/** Save `page` as it looks now as assets/screenshots/`name`.png. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), animations: 'disabled', caret: 'hide' });
}
