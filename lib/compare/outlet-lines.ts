/**
 * One line per way the outlets' wordings of a point differ: which outlets say "may" and which
 * "will", who gives "within days" and who "soon", who quotes the speaker and who paraphrases.
 * The panel shows the loudest line on a point's summary row and all of them when it is opened.
 *
 * Input is the page's sentence and the corpus sentences it matched (so the group of wordings is
 * one point); each is read once (lib/compare/claims.ts) and grouped by aspect.
 */
import { alignWording } from '../diff/align';
import type { Quote } from '../types';
import {
  attributionKey,
  CLAIM_ASPECTS,
  describeAttribution,
  louderFirst,
  nameDifference,
  negationChange,
  onlyOneSide,
  readClaim,
  type Claim,
  type ClaimAspect,
  type Named,
} from './claims';
import { isSpellingVariant } from '../diff/spelling';

/** One outlet's wording of the point. */
export interface WordingSource {
  /** A corpus article id, or PAGE_SOURCE_ID (lib/compare/quotes.ts). */
  sourceId: string;
  /** As the line names it ("Breitbart News", "this page"). */
  outlet: string;
  text: string;
  /** Its quotations with speakers, when known. */
  quotes: readonly Quote[] | null;
}

/** Outlets that word one aspect alike. */
export interface AspectGroup {
  /** What they share, for the reader: "hedged", "days", "quotes Marco Rubio", "no time frame". */
  label: string;
  /** Their words for it, as written, distinct: "may", "could". Empty when there are none ("no time frame"). */
  wordings: string[];
  /** The outlets, in the order given, each once. */
  outlets: string[];
}

export interface AspectLine {
  aspect: ClaimAspect;
  /** At least two groups: the outlets differ on this aspect. */
  groups: AspectGroup[];
  /**
   * Detail, not a change of claim (claims.ts `nameChange`): names some outlets add where none acts
   * or speaks. Told after every other line, and never as a point's loudest difference.
   */
  quiet: boolean;
}

/** What the certainty groups are called. */
export const CERTAINTY_LABELS = { hedged: 'hedged', firm: 'firm', threat: 'threat', plain: 'no modal' } as const;

/** Longest clause text a line shows; the rest is in the wordings. */
const CLAUSE_SHOWN = 60;

interface Read {
  source: WordingSource;
  claim: Claim;
}

/** Group sources by a key, keeping the first appearance order of keys and outlets. */
function groupBy(reads: readonly Read[], keyOf: (r: Read) => string | null, describe: (members: readonly Read[], key: string) => AspectGroup): AspectGroup[] {
  const byKey = new Map<string, Read[]>();
  for (const r of reads) {
    const key = keyOf(r);
    if (key === null) continue;
    const list = byKey.get(key);
    if (list) list.push(r);
    else byKey.set(key, [r]);
  }
  return [...byKey].map(([key, members]) => describe(members, key));
}

const distinct = (items: readonly string[]): string[] => [...new Set(items)];
const outletsOf = (members: readonly Read[]) => distinct(members.map((m) => shortOutletName(m.source.outlet)));

/** "Valuetainment (VT News)" → "Valuetainment": a line names many outlets at once. */
export function shortOutletName(outlet: string): string {
  return outlet.replace(/\s*\([^)]*\)\s*/gu, ' ').trim() || outlet;
}

function certaintyLine(reads: readonly Read[]): AspectGroup[] | null {
  const groups = groupBy(
    reads,
    (r) => r.claim.certainty?.level ?? 'plain',
    (members, key) => ({
      label: CERTAINTY_LABELS[key as keyof typeof CERTAINTY_LABELS],
      wordings: distinct(members.flatMap((m) => (m.claim.certainty === null ? [] : [m.claim.certainty.text.toLowerCase()]))),
      outlets: outletsOf(members),
    }),
  );
  // No marker reads as firm: "may" against "will" or a plain statement differs; "will" against a plain statement does not.
  const classes = new Set(reads.map((r) => (r.claim.certainty?.level ?? 'firm')));
  return classes.size > 1 ? groups : null;
}

function timeLine(reads: readonly Read[]): AspectGroup[] | null {
  const groups = groupBy(
    reads,
    (r) => distinct(r.claim.time.map((t) => t.horizon)).join(' and '),
    (members, key) => ({
      label: key === '' ? 'no time frame' : key,
      wordings: distinct(members.flatMap((m) => m.claim.time.map((t) => t.text.toLowerCase()))),
      outlets: outletsOf(members),
    }),
  );
  return groups.length > 1 ? groups : null;
}

function actorLine(reads: readonly Read[]): AspectGroup[] | null {
  const actors = reads.filter((r) => r.claim.actor !== null);
  const clusters: { head: Named; members: Read[] }[] = [];
  for (const r of actors) {
    const actor = r.claim.actor!;
    const cluster = clusters.find((c) => c.head.key === actor.key);
    if (cluster) cluster.members.push(r);
    else clusters.push({ head: actor, members: [r] });
  }
  if (clusters.length < 2) return null;
  return clusters.map(({ head, members }) => ({
    label: head.text,
    wordings: distinct(members.map((m) => m.claim.actor!.text)),
    outlets: outletsOf(members),
  }));
}

function attributionLine(reads: readonly Read[]): AspectGroup[] | null {
  const groups = groupBy(
    reads,
    (r) => attributionKey(r.claim.attribution),
    (members) => {
      // The fullest name any member gives the speaker ("Marco Rubio" over "Rubio").
      const speakers = members.flatMap((m) => (m.claim.attribution.speaker === null ? [] : [m.claim.attribution.speaker]));
      const speaker = speakers.reduce<string | null>((best, s) => (best === null || s.length > best.length ? s : best), null);
      const modes = members.map((m) => m.claim.attribution.mode);
      const mode = modes.includes('quote') ? 'quote' : modes[0]!;
      return { label: describeAttribution({ mode, speaker, span: null }), wordings: [], outlets: outletsOf(members) };
    },
  );
  return groups.length > 1 ? groups : null;
}

function numberLine(reads: readonly Read[]): AspectGroup[] | null {
  const groups = groupBy(
    reads,
    (r) => distinct(r.claim.numbers.map((n) => String(n.value))).join(', '),
    (members, key) => ({
      label: key === '' ? 'no figure' : key,
      wordings: distinct(members.flatMap((m) => m.claim.numbers.map((n) => n.text))),
      outlets: outletsOf(members),
    }),
  );
  return groups.length > 1 ? groups : null;
}

/**
 * Outlets whose wording negates a clause the page's affirms, or affirms one it negates, clause
 * against its counterpart (claims.ts `negationChange`), apart from the page and the outlets that
 * negate as it does.
 */
function negationLine(page: Read, others: readonly Read[]): AspectGroup[] | null {
  const changes = others.map((r) => ({ r, change: negationChange(page.claim, r.claim) }));
  const differing = changes.filter((c) => c.change !== null);
  if (differing.length === 0) return null;
  const keyOf = (c: (typeof changes)[number]) => (c.change!.other.length > 0 ? 'negated' : 'not negated');
  const keys = new Set(differing.map(keyOf));
  // The page's side of the clause is the opposite of what every differing outlet does; when they
  // differ both ways, it is only "as this page".
  const pageLabel = keys.size > 1 ? 'as this page' : keys.has('negated') ? 'not negated' : 'negated';
  const words = (markers: readonly { text: string }[]) => distinct(markers.map((n) => n.text.toLowerCase()));
  const groups: AspectGroup[] = [
    {
      label: pageLabel,
      wordings: words(differing.flatMap((c) => c.change!.page)),
      outlets: outletsOf([page, ...changes.filter((c) => c.change === null).map((c) => c.r)]),
    },
  ];
  for (const key of ['negated', 'not negated']) {
    const members = differing.filter((c) => keyOf(c) === key);
    if (members.length === 0) continue;
    groups.push({ label: key, wordings: words(members.flatMap((c) => c.change!.other)), outlets: outletsOf(members.map((c) => c.r)) });
  }
  return groups;
}

/**
 * Names some outlets give and others leave out, each with the outlets that give it; `quiet` when
 * against the page's wording every outlet only adds or leaves out names that neither act nor
 * speak (claims.ts `nameChange`).
 */
function nameLine(page: Read, others: readonly Read[]): { groups: AspectGroup[]; quiet: boolean } | null {
  const reads = [page, ...others];
  const names: { name: Named; members: Read[] }[] = [];
  for (const r of reads) {
    for (const n of r.claim.names) {
      const last = (x: Named) => x.text.split(/\s+/u).at(-1) ?? x.text;
      const known = names.find((k) => k.name.key === n.key || isSpellingVariant(last(k.name), last(n)));
      if (known === undefined) names.push({ name: n, members: [r] });
      else if (!known.members.includes(r)) known.members.push(r);
    }
  }
  const outlets = new Set(reads.map((r) => r.source.outlet));
  const partial = names.filter((n) => new Set(n.members.map((m) => m.source.outlet)).size < outlets.size);
  if (partial.length === 0) return null;
  const quiet = others.every((r) => nameDifference(page.claim, r.claim)?.quiet ?? true);
  return { groups: partial.map(({ name, members }) => ({ label: name.text, wordings: [], outlets: outletsOf(members) })), quiet };
}

/** Clauses an outlet has that the page's wording does not. */
function clauseLine(page: Read, others: readonly Read[]): AspectGroup[] | null {
  const groups: AspectGroup[] = [];
  for (const r of others) {
    const [clause] = onlyOneSide(alignWording(page.source.text, r.source.text), 'other');
    if (clause === undefined) continue;
    const text = clause.text.length > CLAUSE_SHOWN ? `${clause.text.slice(0, CLAUSE_SHOWN - 1).trimEnd()}…` : clause.text;
    groups.push({ label: `adds “${text}”`, wordings: [], outlets: [shortOutletName(r.source.outlet)] });
  }
  return groups.length > 0 ? groups : null;
}

/**
 * The aspects on which the wordings of one point differ, loudest first (CLAIM_ASPECTS order);
 * empty when every outlet claims the same. `page` is the page's wording, `others` the other
 * outlets' in any order.
 */
export function outletLines(page: WordingSource, others: readonly WordingSource[]): AspectLine[] {
  const pageRead: Read = { source: page, claim: readClaim(page.text, page.quotes) };
  const otherReads = others.map((source) => ({ source, claim: readClaim(source.text, source.quotes) }));
  const reads = [pageRead, ...otherReads];
  const names = nameLine(pageRead, otherReads);
  const lines: Record<ClaimAspect, AspectGroup[] | null> = {
    negation: negationLine(pageRead, otherReads),
    certainty: certaintyLine(reads),
    time: timeLine(reads),
    actor: actorLine(reads),
    number: numberLine(reads),
    attribution: attributionLine(reads),
    name: names?.groups ?? null,
    clause: clauseLine(pageRead, otherReads),
  };
  return CLAIM_ASPECTS.flatMap((aspect) => {
    const groups = lines[aspect];
    return groups === null ? [] : [{ aspect, groups, quiet: aspect === 'name' && names!.quiet }];
  }).sort(louderFirst);
}

/** The line a point's summary row shows: its loudest that changes the claim; none when all are detail. */
export function loudestLine(lines: readonly AspectLine[]): AspectLine | undefined {
  return lines.find((l) => !l.quiet);
}

/** "hedged (may, could): this page, VT News · firm (is prepared to): Pak Correspondent" */
export function describeLine(line: AspectLine): string {
  return line.groups
    .map((g) => {
      const words = g.wordings.length > 0 && g.wordings.join(', ') !== g.label ? ` (${g.wordings.join(', ')})` : '';
      return `${g.label}${words}: ${g.outlets.join(', ')}`;
    })
    .join(' · ');
}
