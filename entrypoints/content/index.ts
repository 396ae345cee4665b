import './highlights.css';
import { defineExtensionMessaging } from '@webext-core/messaging';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { extractArticleSteps, runInSlices, toPageText } from '@/lib/extract';
import { mightBeOnStory } from '@/lib/match/pre-gate';
import type { BackgroundProtocol, ContentProtocol } from '@/lib/protocol';
import { Highlighter } from './highlights';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const background = defineExtensionMessaging<BackgroundProtocol>();
    const content = defineExtensionMessaging<ContentProtocol>();
    const highlighter = new Highlighter(document);

    content.onMessage('revealSentence', ({ data }) => highlighter.reveal(data.index));
    content.onMessage('setHighlightsVisible', ({ data }) => {
      highlighter.setVisible(data.visible);
      return highlighter.isVisible;
    });
    content.onMessage('highlightsVisible', () => highlighter.isVisible);
    content.onMessage('selectionText', () => window.getSelection()?.toString() ?? '');
    ctx.onInvalidated(() => {
      highlighter.clear();
      content.removeAllListeners();
    });

    try {
      const article = await runInSlices(extractArticleSteps(document), { signal: ctx.signal });
      const page = toPageText(article);
      // The cheap gate: a page that cannot be on the story is reported as such, nothing sent.
      const onStory = mightBeOnStory(`${page.title}\n${page.sentences.join('\n')}`);
      const verdict = await background.sendMessage('scanPage', onStory ? page : { ...page, sentences: [] });
      highlighter.add(article.sentences, verdict.sentences);
    } catch (error) {
      if (!ctx.isInvalid) console.debug('Parallax could not scan this page:', error);
    }
  },
});
