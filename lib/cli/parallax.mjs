#!/usr/bin/env node
// The `parallax` command (package.json "bin"). It runs the TypeScript of lib/ as it is, compiled
// on the fly by tsx, so `npx parallax` works right after `npm ci`, with no build step, on exactly
// the code the extension is built from.
import { register } from 'tsx/esm/api';

// lib/ uses relative imports only and needs nothing from a tsconfig; not reading one keeps the
// command independent of the directory it is started from.
register({ tsconfig: false });

// `parallax scan … | head` closes stdout early: stop quietly instead of dying on EPIPE.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const { runCli } = await import('./main.ts');
try {
  process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
} catch (error) {
  process.stderr.write(`parallax: internal error: ${error?.stack ?? error}\n`);
  process.exitCode = 1;
}
