/**
 * The readable report of `parallax scan`: per input, its title and verdict, then each matched
 * sentence as the panel shows an opened point: first how the outlets' wordings differ in what they
 * claim (lib/compare/outlet-lines.ts: "Certainty: hedged (may): this page · firm (will): …"), then
 * every other outlet's wording aligned with the page's by meaning (lib/diff/align.ts), headed by
 * its changes of claim ("Time frame: within days → soon"). In the wording, `[-words only the
 * page has-]` and `{+words only the other outlet has+}`, or struck-through red and underlined green
 * on a colour terminal; a change that carries a change of claim is `**[-may-] {+will+}**` (bold on
 * a colour terminal). Other words for the same thing ("withdraw from" / "walk away from") and
 * differences of punctuation, case or quote style are left unmarked (dim on a colour terminal), as
 * the panel draws them quietly.
 */
import { CLAIM_ASPECT_LABELS, describeComparison, type ClaimAspect } from '../compare/claims';
import { describeLine, type AspectLine } from '../compare/outlet-lines';
import type { ComparedMatch, SentenceComparison } from '../compare/sentence-comparison';
import type { AlignedSegment } from '../diff/align';
import type { WordDiffSegment } from '../diff/words';
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
  verdict.sentences.forEach((sentence, i) => {
    lines.push('', `  ${style.bold(`[${sentence.index + 1}]`)} ${sentence.text}`);
    lines.push(...formatComparison(scan.comparisons[i]!, style));
  });
  return `${lines.join('\n')}\n`;
}

/** The loud lines across the outlets, then each wording. Quiet lines (names added as detail) are the JSON's. */
function formatComparison({ lines, wordings }: SentenceComparison, style: Style): string[] {
  const loud = lines.filter((l) => !l.quiet);
  const out = loud.length === 0 ? [`${INDENT_MATCH}${style.dim('Same claim in every outlet')}`] : loud.map((l) => `${INDENT_MATCH}${formatLine(l, style)}`);
  for (const wording of wordings) out.push(...formatWording(wording, style));
  return out;
}

function formatLine(line: AspectLine, style: Style): string {
  return `${style.red(style.bold(`${CLAIM_ASPECT_LABELS[line.aspect]}:`))} ${describeLine(line)}`;
}

function formatWording({ match, compared }: ComparedMatch, style: Style): string[] {
  const heading = `${INDENT_MATCH}${style.cyan(match.outlet)} · ${match.kind} · ${match.score.toFixed(2)}`;
  if (compared.segments.every((s) => s.op === 'equal' || s.quiet)) return [`${heading} · ${style.dim('same words')}`];
  return [`${heading} · ${describeComparison(compared, true)}`, `${INDENT_WORDING}${markDifferences(compared.segments, style, compared.loud)}`];
}

/**
 * The other outlet's sentence with its differences from the page's sentence marked. Spacing
 * follows the panel's WordingDiff: words after a deletion take the page's space when the other
 * sentence has none there, and a replacement keeps a space if either sentence has one. `loud[i]`
 * is the change of claim segment i carries (ComparedWording.loud), when known.
 */
export function markDifferences(
  segments: readonly (WordDiffSegment | AlignedSegment)[],
  style: Style,
  loud: readonly (ClaimAspect | null)[] = [],
): string {
  const deleted = (text: string): string => (style.color ? style.deleted(text) : `[-${text}-]`);
  const inserted = (text: string): string => (style.color ? style.inserted(text) : `{+${text}+}`);
  const emphasized = (text: string): string => (style.color ? style.bold(text) : `**${text}**`);
  let out = '';
  segments.forEach((segment, i) => {
    const { op, quiet, page, other, pageBefore } = segment;
    const afterDeletion = segments[i - 1]?.op === 'deleted';
    const otherBefore = segment.otherBefore || (afterDeletion ? pageBefore : '');
    const sameMeaning = 'sameMeaning' in segment && segment.sameMeaning !== null;
    const mark = (loud[i] ?? null) === null ? (text: string) => text : emphasized;
    if (op === 'equal') out += otherBefore + other;
    else if (quiet || sameMeaning) {
      // A punctuation mark only the page has is not part of the other wording: dim on colour
      // terminals, left out on plain ones. Other words for the same thing read as the wording.
      if (op === 'deleted') out += style.color ? pageBefore + style.dim(page) : '';
      else out += otherBefore + style.dim(other);
    } else if (op === 'deleted') out += pageBefore + mark(deleted(page));
    else if (op === 'inserted') out += otherBefore + mark(inserted(other));
    // Brackets keep a replacement's two halves apart on a plain terminal; colours need a space.
    else out += (pageBefore || otherBefore) + mark(deleted(page) + (style.color || loud[i] ? ' ' : '') + inserted(other));
  });
  return out;
}
