/**
 * Finding a Chromium to run Parallax in (npm start) and to test it in, and a Firefox to test the
 * Firefox build in (end-to-end tests).
 * Playwright cannot download its own browsers on every machine, so we use the system's.
 */
import { existsSync } from 'node:fs';

/** Where Chromium-family browsers usually live, most preferred first. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** $CHROME_PATH when set, else the first installed candidate, else null. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  return findBrowser(env.CHROME_PATH, CANDIDATES);
}

/** `fromEnv` when set, else the first of `candidates` that is installed, else null. */
function findBrowser(fromEnv: string | undefined, candidates: readonly string[]): string | null {
  const path = fromEnv?.trim();
  if (path) return path;
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

export const CHROMIUM_MISSING =
  'No Chromium found. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
  'or point CHROME_PATH at a Chromium or Chrome binary.';

/** Where Firefox usually lives, most preferred first: Debian's ESR, then a release build. */
const FIREFOX_CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
];

/** $FIREFOX_PATH when set, else the first installed candidate, else null. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string | null {
  return findBrowser(env.FIREFOX_PATH, FIREFOX_CANDIDATES);
}

export const FIREFOX_MISSING =
  'No Firefox found. Install it (Debian: `sudo apt-get install -y firefox-esr`) ' +
  'or point FIREFOX_PATH at a Firefox 140 or later binary.';
