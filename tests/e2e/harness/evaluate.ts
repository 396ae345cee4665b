/**
 * What the browser-neutral parts of the harness need of a page, a service worker or an extension
 * page: to run a function there. Playwright's pages and workers (Chromium) and Puppeteer's pages
 * (Firefox) all fit as they are, so what a test reads from a page or from the extension (the
 * highlights, the tab states, the badge) is written once for both browsers.
 */
export interface Evaluates {
  // Loose on purpose: Playwright and Puppeteer type evaluate()'s argument in ways neither accepts
  // of the other. `run` below gives the types back.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  evaluate(fn: (arg: any) => unknown, arg: any): Promise<unknown>;
}

/** Runs `fn(arg)` in `where` (the argument and the result cross as JSON) and answers its result. */
export function run<A, R>(where: Evaluates, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  return where.evaluate(fn, arg) as Promise<R>;
}

/** A browser with the extension loaded, as the browser-neutral readers see it. */
export interface WithExtension {
  /** Runs functions where the extension's API (`chrome.*`) is: Chromium's service worker, an extension page in Firefox. */
  extension: Evaluates;
}
