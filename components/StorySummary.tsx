/**
 * The story the panel follows, named in its first lines: what happened (the core point's
 * wording), who said it and when, and how many outlets report it. Everything comes from the
 * corpus (lib/compare/story.ts); nothing here is written for one story.
 */
import { describeDays, type StorySummary as Story } from '../lib/compare/story';

export function StorySummary({ story }: { story: Story }) {
  const when = story.firstDay === null || story.lastDay === null ? null : describeDays(story.firstDay, story.lastDay);
  const outlets = `${story.outlets} of ${story.corpusOutlets} outlets report it`;
  return (
    <section class="px-story" aria-labelledby="px-story-title">
      <h2 id="px-story-title" class="px-story-title">
        The story{story.who === null ? '' : `: ${story.who}`}
        {when === null ? '' : `, ${when}`}
      </h2>
      <p class="px-story-what">{story.what}</p>
      <p class="px-story-meta">{outlets}</p>
    </section>
  );
}
