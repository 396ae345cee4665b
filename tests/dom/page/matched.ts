/** Test data shared by the highlighter and hit-test tests. */
import type { MatchedSentence } from '../../../lib/page/page-scanner';
import type { MatchKind } from '../../../lib/types';

/** `sentence` as the background returns it when one outlet has the same words, as a match of `kind`. */
export function matched(sentence: MatchedSentence['sentence'], kind: MatchKind = 'verbatim'): MatchedSentence {
  return {
    sentence,
    result: {
      index: sentence.index,
      text: sentence.text,
      pointId: null,
      matches: [{ sentenceId: 's', articleId: 'a', outlet: 'Wire', file: null, url: null, text: sentence.text, score: 1, kind, pointId: null }],
    },
  };
}
