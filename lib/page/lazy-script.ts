/**
 * Loading a part of the content script when the page first needs it: the build makes each such part
 * a script of its own (a WXT unlisted script in entrypoints/), listed in web_accessible_resources
 * with `use_dynamic_url` (Chromium hands out a URL that changes every session, so pages cannot
 * probe for Parallax by it) and imported from the content script with a dynamic `import()`. The
 * imported script runs in the content script's isolated world, not the page's (checked in Chromium
 * 156), and hands its module over on that world's global object under its key: WXT 0.21 builds
 * unlisted scripts as IIFEs, with no exports to import. The content script knows the module's
 * type only, so none of its code comes along into the content script.
 */

type Holder = Record<symbol, unknown>;

/** Called by a loaded script: hands its module to the content script under `key`. */
export function provideScript<T>(key: symbol, module: T): void {
  (globalThis as Holder)[key] = module;
}

/**
 * A loader that imports a script once, on the first call, and answers every call with the module
 * it provided under `key`. `importScript` is the dynamic import of the script's URL (`import(url)`
 * in the content script); a failed load is not cached, so the next need tries again. `name` says
 * which script in the error of one that loaded but provided nothing.
 */
export function scriptLoader<T>(key: symbol, name: string, importScript: () => Promise<unknown>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= importScript().then(() => {
      const module = (globalThis as Holder)[key] as T | undefined;
      if (module === undefined) throw new Error(`the ${name} script loaded but did not provide its module`);
      return module;
    });
    loading.catch(() => {
      loading = null;
    });
    return loading;
  };
}
