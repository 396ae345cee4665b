/**
 * A no-op extension, the baseline of the budget test: a service worker and a content script on
 * every http(s) page that do nothing. Loaded into the same Chromium build as Parallax and visiting
 * the same pages in the same run, it shows what the page and the browser cost by themselves, an
 * extension being present included; what Parallax adds is the difference.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface NoopExtension {
  dir: string;
  remove(): void;
}

export function writeNoopExtension(): NoopExtension {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-noop-extension-'));
  const manifest = {
    manifest_version: 3,
    name: 'No-op baseline',
    version: '1.0',
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'background.js'), '// Nothing: the baseline extension only has to be there.\n');
  writeFileSync(join(dir, 'content.js'), '// Nothing: the baseline content script only has to run.\n');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
