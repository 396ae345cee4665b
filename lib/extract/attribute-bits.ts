/**
 * Reading what a class, id or tag name says costs a split and a few lookups, and a page repeats the
 * same few values on thousands of elements: each reader keeps what it read, by value.
 */

/**
 * `read` remembered by value, for at most `max` values (then forgotten all at once: a hostile page
 * with a new class on every element costs memory once, not without bound). Null or empty: 0.
 */
export function rememberedBits(read: (value: string) => number, max: number): (value: string | null) => number {
  const known = new Map<string, number>();
  return (value) => {
    if (value === null || value === '') return 0;
    let bits = known.get(value);
    if (bits === undefined) {
      bits = read(value);
      if (known.size >= max) known.clear();
      known.set(value, bits);
    }
    return bits;
  };
}
