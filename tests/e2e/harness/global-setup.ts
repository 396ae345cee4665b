import { existsSync } from 'node:fs';
import { CHROMIUM_MISSING, findChromium } from '../../../lib/node/browser';
import { EXTENSION_DIR } from './extension';

/** Fail the whole run up front, with a message that says how to fix it. */
export default function setup(): void {
  if (!findChromium()) throw new Error(`End-to-end tests need Chromium. ${CHROMIUM_MISSING}`);
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    throw new Error(`No built extension in ${EXTENSION_DIR}. Run \`npm run build\` first (npm run test:e2e does).`);
  }
}
