/**
 * Runs the real `parallax` command as a child process (node with the package's bin launcher), the
 * way a user runs `npx parallax`: nothing is imported from lib/cli, so the launcher, tsx and the
 * exit status are tested too. Asynchronous, so that a test's own HTTP server keeps answering.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const LAUNCHER = join(REPO_ROOT, 'lib', 'cli', 'parallax.mjs');
export const FIXTURE_PAGES = join(REPO_ROOT, 'tests', 'fixtures', 'pages');
export const CLI_FIXTURES = join(import.meta.dirname, 'fixtures');

/** A child process needs tsx to compile lib/ on a cold cache; this bounds it generously. */
export const CLI_TIMEOUT_MS = 60_000;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runParallax(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [LAUNCHER, ...args],
      { cwd: REPO_ROOT, env: { ...process.env, ...env }, timeout: CLI_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number') {
          reject(new Error(`parallax ${args.join(' ')} did not finish: ${error.message}\n${stderr}`));
          return;
        }
        resolve({ code: error === null ? 0 : (error.code as number), stdout, stderr });
      },
    );
  });
}

/** The matched outlets of the page sentence that contains `fragment`, best first. */
export function outletsFor(
  page: { sentences?: { text: string; matches: { outlet: string }[] }[] },
  fragment: string,
): string[] {
  const sentence = (page.sentences ?? []).find((s) => s.text.includes(fragment));
  return sentence === undefined ? [] : sentence.matches.map((m) => m.outlet);
}
