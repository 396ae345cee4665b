// Loading the page UI when first needed (lib/page/page-ui-loader.ts): one import for every need,
// the module the loaded script provided, and another try after a failed load.
import { afterEach, describe, expect, it } from 'vitest';
import { pageUiModule } from '../../../lib/page/page-ui';
import { PAGE_UI_KEY, pageUiLoader, providePageUi } from '../../../lib/page/page-ui-loader';

afterEach(() => {
  Reflect.deleteProperty(globalThis, PAGE_UI_KEY);
});

describe('pageUiLoader', () => {
  it('imports the script once, however many needs arrive at once, and answers with the module it provided', async () => {
    let imports = 0;
    const load = pageUiLoader(async () => {
      imports++;
      providePageUi(pageUiModule);
    });
    const [a, b] = await Promise.all([load(), load()]);
    expect(await load()).toBe(a);
    expect(a).toBe(pageUiModule);
    expect(b).toBe(pageUiModule);
    expect(imports).toBe(1);
  });

  it('says so when the script loaded but provided nothing, and tries again on the next need', async () => {
    let imports = 0;
    const load = pageUiLoader(async () => {
      if (++imports === 2) providePageUi(pageUiModule);
    });
    await expect(load()).rejects.toThrow('the page UI script loaded but did not provide its module');
    expect(await load()).toBe(pageUiModule);
    expect(imports).toBe(2);
  });

  it('tries again after a failed import', async () => {
    let imports = 0;
    const load = pageUiLoader(async () => {
      if (++imports === 1) throw new TypeError('Failed to fetch dynamically imported module');
      providePageUi(pageUiModule);
    });
    await expect(load()).rejects.toThrow('Failed to fetch');
    expect(await load()).toBe(pageUiModule);
  });
});

describe('the page UI module', () => {
  it('adds no element to the page until something is shown', () => {
    const ui = pageUiModule.createUi(document);
    expect(document.querySelector('parallax-ui')).toBeNull();
    expect(ui.owns(document.body)).toBe(false);
  });
});
