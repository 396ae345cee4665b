/**
 * The part of an extension storage area (browser.storage.local) that lib/ uses. Structural, so
 * lib/ never imports the browser API: the extension passes `browser.storage.local`, tests pass
 * `memoryStorageArea()`.
 */
export interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** A StorageArea in memory that copies values in and out, as the browser's does (structured clone). */
export function memoryStorageArea(initial: Record<string, unknown> = {}): StorageArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>(Object.entries(initial).map(([k, v]) => [k, structuredClone(v)]));
  return {
    data,
    async get(key) {
      return data.has(key) ? { [key]: structuredClone(data.get(key)) } : {};
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
  };
}
