/**
 * The quote variants of one page sentence: for each speaker, the different wordings outlets put in
 * quotation marks, side by side, each with the outlets that used it, and a flag on words that only
 * one outlet puts in quotation marks.
 */
import { PAGE_SOURCE_ID, type QuoteGroup, type QuoteSource, type QuoteVariant } from '../lib/compare/quotes';
import { WordingDiff } from './WordingDiff';

export interface QuoteVariantsProps {
  /** Groups to show (the caller keeps only the notable ones). */
  groups: readonly QuoteGroup[];
}

export function sourceName(source: QuoteSource): string {
  return source.sourceId === PAGE_SOURCE_ID ? `this page (${source.outlet})` : source.outlet;
}

function listNames(sources: readonly QuoteSource[]): string {
  const names = sources.map(sourceName);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The flag's sentence: who alone quotes, and who has the same words unquoted. */
export function onlyQuotedMessage(variant: QuoteVariant): string {
  const quoter = sourceName(variant.quotedBy[0]!);
  const alone = `Only ${quoter} puts this in quotation marks`;
  if (variant.unquotedIn.length === 0) return `${alone}.`;
  const verb = variant.unquotedIn.length === 1 ? 'has' : 'have';
  return `${alone}; ${listNames(variant.unquotedIn)} ${verb} these words without them.`;
}

function Variant({ variant, base }: { variant: QuoteVariant; base: string | null }) {
  return (
    <li class="px-variant">
      <blockquote class="px-variant-text">
        {base === null ? <p class="px-diff">{variant.text}</p> : <WordingDiff base={base} other={variant.text} />}
      </blockquote>
      <p class="px-variant-by">Quoted by {listNames(variant.quotedBy)}</p>
      {variant.onlyQuotedHere && (
        <p class="px-flag">{onlyQuotedMessage(variant)}</p>
      )}
    </li>
  );
}

export function QuoteVariants({ groups }: QuoteVariantsProps) {
  if (groups.length === 0) return null;
  return (
    <div class="px-quotes">
      {groups.map((group, g) => {
        const [first] = group.variants;
        const who = group.speaker ?? 'an unnamed speaker';
        return (
          <section key={g} class="px-quote-group" aria-label={`Quotes of ${who}`}>
            <h4 class="px-quote-heading">
              {group.variants.length > 1 ? `${group.variants.length} ways to quote ${who}` : `Quote of ${who}`}
            </h4>
            {group.variants.length > 1 && <p class="px-hint">Each wording is marked against the first.</p>}
            <ul class="px-variants">
              {group.variants.map((variant, i) => (
                <Variant key={i} variant={variant} base={i === 0 || first === undefined ? null : first.text} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
