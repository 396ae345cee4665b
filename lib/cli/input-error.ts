/**
 * An input the CLI could not read: a missing file, an unreachable address, an image where a page
 * was expected. The message names the input and says what is wrong, ready to show as it is; the
 * scan goes on with the other inputs.
 */
export class InputError extends Error {
  override name = 'InputError';

  constructor(
    readonly input: string,
    readonly problem: string,
  ) {
    super(`${input}: ${problem}`);
  }
}
