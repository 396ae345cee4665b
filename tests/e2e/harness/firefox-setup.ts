import { existsSync } from 'node:fs';
import { FIREFOX_MISSING, findFirefox } from '../../../lib/node/browser';
import { FIREFOX_EXTENSION_DIR } from './firefox';

/** Fail the whole Firefox run up front, with a message that says how to fix it. */
export default function setup(): void {
  if (!findFirefox()) throw new Error(`Firefox end-to-end tests need Firefox. ${FIREFOX_MISSING}`);
  if (!existsSync(`${FIREFOX_EXTENSION_DIR}/manifest.json`)) {
    throw new Error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}. Run \`npm run build:firefox\` first (npm run test:e2e:firefox does).`);
  }
}
