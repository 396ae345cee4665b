// The cheap gate's keywords, derived from the bundled corpus at build time by lib/node/corpus-plugin.ts.
declare module 'virtual:parallax-story-keywords' {
  import type { StoryKeywords } from '@/lib/match/story-keywords';

  const keywords: StoryKeywords;
  export default keywords;
}
