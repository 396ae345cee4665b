// The corpus built from seeds/ at build time by lib/node/corpus-plugin.ts.
declare module 'virtual:parallax-corpus' {
  import type { Corpus } from '@/lib/types';

  const corpus: Corpus;
  export default corpus;
}

// The matcher's index of that corpus, built with it (lib/match/index-store.ts's stored form).
declare module 'virtual:parallax-index' {
  const index: unknown;
  export default index;
}
