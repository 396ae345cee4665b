/**
 * Colour on the terminal: only when the output is a terminal and NO_COLOR (no-color.org) is not
 * set, so that piped output and logs stay plain text.
 */

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
  yellow(text: string): string;
  /** Struck through and red: words only the page has. */
  deleted(text: string): string;
  /** Underlined and green: words only the other outlet has. */
  inserted(text: string): string;
  readonly color: boolean;
}

/** Whether to colour output written to a stream with this TTY-ness, in this environment. */
export function wantsColor(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  return isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}

const sgr = (open: string, close: string) => (text: string) => (text === '' ? '' : `\u001b[${open}m${text}\u001b[${close}m`);
const plain = (text: string): string => text;

export function terminalStyle(color: boolean): Style {
  if (!color) {
    return { bold: plain, dim: plain, red: plain, green: plain, cyan: plain, yellow: plain, deleted: plain, inserted: plain, color };
  }
  return {
    bold: sgr('1', '22'),
    dim: sgr('2', '22'),
    red: sgr('31', '39'),
    green: sgr('32', '39'),
    cyan: sgr('36', '39'),
    yellow: sgr('33', '39'),
    deleted: sgr('9;31', '29;39'),
    inserted: sgr('4;32', '24;39'),
    color,
  };
}
