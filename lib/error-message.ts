/**
 * A failure's message for the reader, whatever was thrown. Messages between the extension's parts
 * carry errors as plain objects, and a page or a library may throw anything: a string, an object
 * without a prototype (which `String()` cannot convert, and would throw again inside the handler
 * meant to report it), or nothing at all. This never throws.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) {
    const message = (error as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  try {
    return String(error);
  } catch {
    return 'an error that cannot be described';
  }
}
