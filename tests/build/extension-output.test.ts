/**
 * The built extension (.output/chrome-mv3, made by `wxt build` before the end-to-end run) runs only
 * its own code: no script, style or module loaded from elsewhere, no code made from strings, and a
 * manifest whose content security policy keeps it that way. The end-to-end privacy test
 * (tests/e2e/privacy.e2e.ts) checks what the running extension does; this checks what it ships.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../e2e/harness/extension';


function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const files = filesUnder(EXTENSION_DIR).map((path) => ({ path, name: relative(EXTENSION_DIR, path), text: () => readFileSync(path, 'utf8') }));
const ofType = (extension: string) => files.filter((f) => f.name.endsWith(extension));
const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
  content_security_policy?: { extension_pages?: string };
  background?: { service_worker?: string };
  content_scripts?: { js?: string[]; css?: string[] }[];
  externally_connectable?: unknown;
  sandbox?: unknown;
};

/** A reference that leaves the package: a scheme ("https:", "data:" aside) or a protocol-relative "//". */
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/iu;
const isRemote = (reference: string) => REMOTE.test(reference.trim()) && !/^data:/iu.test(reference.trim());

/** The package file a page's reference names ("/chunks/x.js", "x.css"). */
const packageFile = (reference: string) => join(EXTENSION_DIR, reference.split(/[?#]/u)[0]!.replace(/^\//u, ''));

/** Directives of a content security policy, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/u))
      .filter((parts) => parts[0] !== '')
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('the built extension', () => {
  it('has been built', () => {
    expect(files.map((f) => f.name)).toContain('manifest.json');
    expect(ofType('.js').length).toBeGreaterThan(0);
  });

  it('declares a content security policy that allows only its own scripts and no connection', () => {
    const policy = manifest.content_security_policy?.extension_pages;
    expect(policy, 'manifest.json has no content_security_policy.extension_pages').toBeTypeOf('string');
    const csp = directives(policy!);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'none'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    // Any other directive may only narrow what the page loads to the package or to nothing.
    for (const [name, values] of csp) {
      for (const value of values) expect(["'self'", "'none'"], `${name} ${value}`).toContain(value);
    }
    expect(manifest.externally_connectable, 'web pages may not message the extension').toBeUndefined();
    expect(manifest.sandbox, 'sandboxed pages may run eval').toBeUndefined();
  });

  it('runs scripts and styles that are files of the package', () => {
    const referenced = [
      manifest.background?.service_worker,
      ...(manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
    ].filter((r): r is string => r !== undefined);
    expect(referenced.length).toBeGreaterThan(0);
    for (const reference of referenced) {
      expect(isRemote(reference), reference).toBe(false);
      expect(existsSync(packageFile(reference)), `${reference} is not in the package`).toBe(true);
    }
  });

  it('has pages that load only files of the package, with no inline script or handler', () => {
    expect(ofType('.html').length).toBeGreaterThan(0);
    for (const page of ofType('.html')) {
      const html = page.text();
      for (const m of html.matchAll(/<(?:script|link|img|iframe|frame|embed|object|source|audio|video)\b[^>]*?\b(?:src|href|data)\s*=\s*["']([^"']*)["']/giu)) {
        const reference = m[1]!;
        expect(isRemote(reference), `${page.name} loads ${reference}`).toBe(false);
        expect(existsSync(packageFile(reference)), `${page.name} loads ${reference}, which is not in the package`).toBe(true);
      }
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/giu)) {
        expect(m[2]!.trim(), `${page.name} has an inline script`).toBe('');
      }
      expect(html, `${page.name} has an inline event handler`).not.toMatch(/<[^>]+\son[a-z]+\s*=/iu);
      expect(html, `${page.name} has a javascript: URL`).not.toMatch(/javascript:/iu);
    }
  });

  it('has styles that import nothing from elsewhere', () => {
    for (const sheet of ofType('.css')) {
      const css = sheet.text();
      for (const m of css.matchAll(/url\(\s*["']?([^"')]*)["']?\s*\)|@import\s+["']([^"']*)["']/giu)) {
        const reference = m[1] ?? m[2] ?? '';
        expect(isRemote(reference), `${sheet.name} loads ${reference}`).toBe(false);
      }
    }
  });

  it('has scripts that make no code from strings and load no code from elsewhere', () => {
    // What the CSP would refuse at run time anyway; found here, it is found before a reader meets it.
    const forbidden: [string, RegExp][] = [
      ['eval', /(?<![\w$.])eval\s*\(/u],
      ['new Function', /\bnew\s+Function\s*\(/u],
      ['Function("…")', /(?<![\w$.])Function\s*\(\s*["'`]/u],
      ['a timer given a string', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/u],
      ['importScripts', /\bimportScripts\s*\(/u],
      ['an import from a URL', /\bimport\s*\(\s*["'`](?:[a-z][a-z0-9+.-]*:|\/\/)/iu],
      ['a script element', /createElement\s*\(\s*["'`]script["'`]\s*\)/iu],
      ['document.write', /\bdocument\.write(?:ln)?\s*\(/u],
      ['a WebSocket, EventSource or beacon', /\bnew\s+(?:WebSocket|EventSource)\s*\(|\bsendBeacon\s*\(/u],
      ['an XMLHttpRequest', /\bnew\s+XMLHttpRequest\b/u],
    ];
    for (const script of ofType('.js')) {
      const js = script.text();
      for (const [what, pattern] of forbidden) expect(pattern.test(js), `${script.name} has ${what}`).toBe(false);
    }
  });

  it('calls fetch only in Vite’s module-preload polyfill, which fetches the package’s own chunks', () => {
    // The polyfill runs only where <link rel="modulepreload"> is unsupported (not in Chromium), on
    // the links of the package's own pages; connect-src 'none' refuses anything else.
    for (const script of ofType('.js')) {
      const js = script.text();
      for (const m of js.matchAll(/(?<![\w$.])fetch\s*\(/gu)) {
        const before = js.slice(Math.max(0, m.index - 800), m.index);
        expect(before, `${script.name} calls fetch outside the module-preload polyfill`).toContain('modulepreload');
      }
    }
  });
});
