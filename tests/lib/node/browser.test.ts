import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findChromium, findFirefox } from '../../../lib/node/browser';

describe('finding the browsers the end-to-end tests drive', () => {
  it('takes $CHROME_PATH and $FIREFOX_PATH first, trimmed', () => {
    expect(findChromium({ CHROME_PATH: ' /opt/chrome/chrome ' })).toBe('/opt/chrome/chrome');
    expect(findFirefox({ FIREFOX_PATH: '/opt/firefox/firefox\n' })).toBe('/opt/firefox/firefox');
  });

  it('otherwise answers an installed browser or null, never a path that is not there', () => {
    for (const found of [findChromium({ FIREFOX_PATH: '/opt/firefox/firefox' }), findFirefox({ CHROME_PATH: ' ', FIREFOX_PATH: '  ' })]) {
      expect(found === null || existsSync(found)).toBe(true);
    }
  });
});
