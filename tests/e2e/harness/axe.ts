/**
 * axe-core over what Parallax shows (the panel, the settings page, the hover card), through
 * @axe-core/playwright: the standard rules engine, in the real Chromium the other tests drive.
 * Only serious and critical violations fail a test; each is reported with the elements it hit.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Serious and critical violations on `page`, within `include` (an axe selector; shadow paths as arrays). */
export async function seriousViolations(page: Page, include?: Parameters<AxeBuilder['include']>[0]): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (include !== undefined) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}
