/**
 * The readable report of `parallax scan`: per input, its title and verdict, then each matched
 * sentence with every other outlet's wording, differences marked as in the panel (lib/diff/words):
 * `[-words only the page has-]` and `{+words only the other outlet has+}`, or struck-through red and
 * underlined green on a colour terminal. Differences of punctuation, case or quote style are left
 * unmarked (dim on a colour terminal), as the panel draws them quietly.
 */
import { diffWording, summarizeWordDiff, type WordDiffSegment } from '../diff/words';
import type { Match } from '../types';
import { isFailed, type PageScan, type ScannedPage } from './scan';
import type { Style } from './terminal';

const INDENT_MATCH = '      ';
const INDENT_WORDING = '        ';

export function formatScanReport(scans: readonly PageScan[], style: Style): string {
  const blocks = scans.map((scan) => (isFailed(scan) ? formatFailure(scan.input, scan.error, style) : formatPage(scan, style)));
  if (scans.length > 1) {
    const failed = scans.filter(isFailed).length;
    const onStory = scans.filter((s) => !isFailed(s) && s.verdict.onStory).length;
    blocks.push(
      `${scans.length} inputs: ${scans.length - failed} read (${onStory} on the story)` +
        (failed > 0 ? `, ${failed} could not be read` : '') + '\n',
    );
  }
  return blocks.join('\n');
}

function formatFailure(input: string, error: string, style: Style): string {
  return `${style.bold(input)}\n  ${style.red('Could not be read:')} ${error}\n`;
}

function formatPage(scan: ScannedPage, style: Style): string {
  const { verdict } = scan;
  const lines = [style.bold(scan.input)];
  if (scan.title !== '') lines.push(`  ${scan.title}`);
  const score = verdict.storyScore.toFixed(2);
  if (scan.noArticle !== null) {
    lines.push(`  ${style.yellow('No article found on the page')} (${scan.noArticle})`);
  }
  if (verdict.onStory) {
    const matched = verdict.sentences.length;
    lines.push(
      `  ${style.green('On the story')} (score ${score}): ${matched} of ${scan.sentenceCount} sentence${scan.sentenceCount === 1 ? '' : 's'} ` +
        `${matched === 1 ? 'states a point' : 'state points'} other outlets report`,
    );
  } else {
    lines.push(`  ${style.dim('Not on the story')} (score ${score}); ${scan.sentenceCount} sentence${scan.sentenceCount === 1 ? '' : 's'} read`);
  }
  for (const sentence of verdict.sentences) {
    lines.push('', `  ${style.bold(`[${sentence.index + 1}]`)} ${sentence.text}`);
    for (const match of sentence.matches) lines.push(...formatMatch(sentence.text, match, style));
  }
  return `${lines.join('\n')}\n`;
}

function formatMatch(pageSentence: string, match: Match, style: Style): string[] {
  const heading = `${INDENT_MATCH}${style.cyan(match.outlet)} · ${match.kind} · ${match.score.toFixed(2)}`;
  const segments = diffWording(pageSentence, match.text);
  const { changes, quietChanges } = summarizeWordDiff(segments);
  if (changes === 0 && quietChanges === 0) return [`${heading} · ${style.dim('same words')}`];
  return [heading, `${INDENT_WORDING}${markDifferences(segments, style)}`];
}

/**
 * The other outlet's sentence with its differences from the page's sentence marked. Spacing
 * follows the panel's WordingDiff: words after a deletion take the page's space when the other
 * sentence has none there, and a replacement keeps a space if either sentence has one.
 */
export function markDifferences(segments: readonly WordDiffSegment[], style: Style): string {
  const deleted = (text: string): string => (style.color ? style.deleted(text) : `[-${text}-]`);
  const inserted = (text: string): string => (style.color ? style.inserted(text) : `{+${text}+}`);
  let out = '';
  segments.forEach((segment, i) => {
    const { op, quiet, page, other, pageBefore } = segment;
    const afterDeletion = segments[i - 1]?.op === 'deleted';
    const otherBefore = segment.otherBefore || (afterDeletion ? pageBefore : '');
    if (op === 'equal') out += otherBefore + other;
    else if (quiet) {
      // A punctuation mark only the page has is not part of the other wording: dim on colour
      // terminals, left out on plain ones.
      if (op === 'deleted') out += style.color ? pageBefore + style.dim(page) : '';
      else out += otherBefore + style.dim(other);
    } else if (op === 'deleted') out += pageBefore + deleted(page);
    else if (op === 'inserted') out += otherBefore + inserted(other);
    // Brackets keep a replacement's two halves apart on a plain terminal; colours need a space.
    else out += (pageBefore || otherBefore) + deleted(page) + (style.color ? ' ' : '') + inserted(other);
  });
  return out;
}
