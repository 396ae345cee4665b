/**
 * The `parallax` command line: `scan` matches pages against the corpus exactly as the extension
 * does (same extraction, same pre-gate, same matcher), `corpus` reports what the corpus holds.
 * The corpus is built at startup from the repository's seeds/, by the build that the extension
 * bundles (lib/node/corpus-plugin.ts), so the CLI always speaks for the current seeds and code.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildCorpus } from '../corpus/build';
import { CorpusInputError } from '../corpus/validate';
import { Matcher } from '../match/matcher';
import { readSeeds } from '../node/seeds';
import type { Corpus } from '../types';
import { corpusReport, formatCorpusReport } from './corpus-report';
import { extractInputs, extractJson, formatExtractReport } from './extract';
import { isFailed, scanInputs, scanJson } from './scan';
import { formatScanReport } from './scan-report';
import { terminalStyle, wantsColor } from './terminal';

/** The seed articles the corpus is built from: seeds/ at the repository's root. */
export const SEEDS_DIR = resolve(import.meta.dirname, '../../seeds');

/** Exit statuses. */
export const EXIT_OK = 0;
/** No input could be read (scan), or the corpus could not be built. */
export const EXIT_FAILED = 1;
/** The command line itself is wrong: usage is printed on stderr. */
export const EXIT_USAGE = 2;

export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
}

export const USAGE = `Usage:
  parallax scan FILE_OR_URL... [--json]
  parallax extract FILE_OR_URL... [--json]
  parallax corpus [--verbose] [--json]
  parallax --help

Commands:
  scan     For each input, decide whether it is about the story, and show each of its sentences
           that states a point of the story as the panel does: first how the outlets' claims
           differ ("Certainty: firm (will): this page · hedged (may): …"), then each outlet's
           wording aligned with the page's by meaning, headed by its changes of claim, marked:
           [-words only the page has-] {+words only the other outlet has+}, and **[-…-] {+…+}**
           where the change alters the claim. Other words for the same thing are left unmarked.
           FILE_OR_URL is a saved HTML page, a .txt file of article text (its first line is the
           title), or an http:// or https:// address. From HTML the article is extracted by the
           extension's own extraction code: navigation, ads, share bars, comments, related links
           and footers are left out.
  extract  For each input, what Parallax reads on it: the title, the publication date the page
           states, and the article's paragraphs (the text \`scan\` matches), or why it found no
           article. For debugging a page and for measuring extraction.
  corpus   One screen of summary: per outlet, sentences kept, furniture dropped, points stated
           (and shared), points left out; the most widely stated points. --verbose lists each
           outlet's furniture and every point it leaves out.

Options:
  --json      Print one JSON document on stdout and nothing else:
                scan:   {"pages":[{"input","title","onStory","sentences":[{"text",
                        "lines":[{"aspect","quiet","text","groups":[{"label","wordings","outlets"}]}],
                        "matches":[{"outlet","file","text","score","kind",
                        "differences":[{"aspect","page","other","changesClaim","quiet"}],
                        "diff":[{"op","page","other","pageBefore","otherBefore","sameMeaning",
                        "loud","quiet"}]}]}]}]}
                        (only matched sentences, best match first; lines and differences
                        loudest first, quiet ones last; an input that cannot be read gives
                        {"input","error"} instead)
                extract: {"pages":[{"input","title","published","article":null|{"paragraphs":[…]},
                        "reason"}]} (published: ISO 8601 or null; reason: why there is no article,
                        null with one, "unreadable" for an input that cannot be read, and then a
                        "detail" in words)
                corpus: {"version","articles","sentences","points","sharedPoints","outlets":[…]}
  -v, --verbose  corpus: everything, outlet by outlet, instead of the summary.
  -h, --help  Print this help.

The corpus is built at startup from the seed articles in ${SEEDS_DIR}
(seeds/ of this repository), by the same build the extension bundles.

Exit status: 0 when at least one input was read; 1 when none could be (or the corpus could not be
built); 2 for a usage error. Colour only when stdout is a terminal and NO_COLOR is not set.
`;

interface Command {
  name: 'scan' | 'extract' | 'corpus' | 'help';
  inputs: string[];
  json: boolean;
  verbose: boolean;
}

class UsageError extends Error {}

function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { json: { type: 'boolean' }, verbose: { type: 'boolean', short: 'v' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const json = values.json === true;
  const verbose = values.verbose === true;
  if (values.help === true) return { name: 'help', inputs: [], json, verbose };
  const [name, ...inputs] = positionals;
  if (name === undefined) throw new UsageError('no command given');
  if (name === 'help') return { name: 'help', inputs: [], json, verbose };
  if (name === 'scan' || name === 'extract') {
    if (inputs.length === 0) throw new UsageError(`${name} needs at least one file or URL`);
    if (verbose) throw new UsageError(`--verbose is an option of corpus, not of ${name}`);
    return { name, inputs, json, verbose };
  }
  if (name === 'corpus') {
    if (inputs.length > 0) throw new UsageError(`corpus takes no arguments (got ${inputs.join(' ')})`);
    return { name, inputs, json, verbose };
  }
  throw new UsageError(`unknown command '${name}'`);
}

/** Runs the command line `argv` (without "node" and the script) and returns the exit status. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`parallax: ${error.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (command.name === 'help') {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }

  if (command.name === 'extract') {
    const results = await extractInputs(command.inputs);
    const style = terminalStyle(!command.json && wantsColor(io.stdout.isTTY, io.env));
    io.stdout.write(command.json ? `${JSON.stringify(extractJson(results), null, 2)}\n` : formatExtractReport(results, style));
    return results.every((r) => 'error' in r) ? EXIT_FAILED : EXIT_OK;
  }

  let corpus: Corpus;
  try {
    corpus = buildCorpus(readSeeds(SEEDS_DIR));
  } catch (error) {
    if (!(error instanceof CorpusInputError)) throw error;
    io.stderr.write(`parallax: the corpus could not be built from ${SEEDS_DIR}:\n${error.message}\n`);
    return EXIT_FAILED;
  }
  const style = terminalStyle(!command.json && wantsColor(io.stdout.isTTY, io.env));

  if (command.name === 'corpus') {
    const report = corpusReport(corpus);
    io.stdout.write(command.json ? `${JSON.stringify(report, null, 2)}\n` : formatCorpusReport(report, style, { verbose: command.verbose }));
    return EXIT_OK;
  }

  const corpusQuotes = new Map(corpus.sentences.map((s) => [s.id, s.quotes]));
  const scans = await scanInputs(command.inputs, Matcher.fromCorpus(corpus), { corpusQuotes });
  io.stdout.write(command.json ? `${JSON.stringify(scanJson(scans), null, 2)}\n` : formatScanReport(scans, style));
  return scans.every(isFailed) ? EXIT_FAILED : EXIT_OK;
}
