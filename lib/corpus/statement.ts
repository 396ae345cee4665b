/**
 * What a corpus sentence states, without the setting and the attribution that wrap it: the text
 * the points grouping (points.ts) compares. Two outlets that report different things "speaking to
 * reporters in Paris following talks with European officials" share the setting's words, and two
 * that report the same thing in different settings share only the claim; so the setting and the
 * attribution are left out of the comparison, never out of the sentence.
 *
 * Taken away, in this order, each only when enough is left to be a claim:
 *  - a leading setting, a participle or time clause that ends where a subject and a speech verb
 *    follow ("Speaking after a meeting in Paris with European leaders, Rubio emphasized …");
 *  - a dateline and a quoted attribution, as the kind check reads them (claimSpan: "He said: “…",
 *    "…,” Rubio said Friday.");
 *  - a reported-speech lead, a short capitalized subject and a speech verb with an optional "that"
 *    ("Rubio warned that the U.S. may …", "He said Russia remains open …").
 * Cost: a few anchored regular expressions per sentence.
 */
import { claimSpan } from '../match/kind';

// Verbs that attribute a statement to a speaker, in the past or present tense.
const SPEECH_VERB = String.raw`(?:said|says|stated|states|told|tells|warned|warns|emphasi[sz]ed|noted|notes|added|adds|stressed|insisted|suggested|acknowledged|explained|argued|indicated|declared|announced)`;
// Words that open a setting clause: what someone was doing, or when, as they spoke.
const SETTING_OPENER = String.raw`(?:Speaking|Talking|Addressing|Following|After|During|Amid|Ahead\s+of|Before)`;
// Up to six capitalized words (a name with its title, or a pronoun) before the verb.
const SPEAKER = String.raw`(?:\p{Lu}[\p{L}.'’-]*\s+){1,6}`;

const SETTING = new RegExp(String.raw`^${SETTING_OPENER}\b[^“"]{0,200}?,\s*(?=${SPEAKER}${SPEECH_VERB}\b)`, 'u');
const REPORTED_LEAD = new RegExp(
  String.raw`^${SPEAKER}${SPEECH_VERB}(?:\s+(?:reporters|journalists))?(?:\s+(?:on\s+)?\p{Lu}\p{L}+day)?\s+(?:that\s+)?`,
  'u',
);
// Fewer characters than this after a reported-speech lead are no claim of their own ("He said so.").
const MIN_CLAIM_CHARS = 20;

/** The claim of `text` for comparing what sentences state; `text` itself when nothing wraps it. */
export function statementOf(text: string): string {
  let rest = text.replace(SETTING, '');
  const span = claimSpan(rest);
  rest = rest.slice(span.start, span.end);
  const lead = REPORTED_LEAD.exec(rest);
  if (lead !== null && rest.length - lead[0].length >= MIN_CLAIM_CHARS) rest = rest.slice(lead[0].length);
  rest = rest.trim();
  return /[\p{L}\p{N}]/u.test(rest) ? rest : text;
}
