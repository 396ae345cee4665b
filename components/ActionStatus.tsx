/**
 * An action the reader starts on the settings page (add, remove, import, rebuild…): whether it is
 * under way, and what it said when it ended, success or failure, for a status line beside it.
 */
import { useCallback, useRef, useState } from 'preact/hooks';

export type ActionState =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'done'; message: string }
  | { status: 'failed'; message: string };

/**
 * `action` resolves to what to tell the reader, or rejects with an Error whose message says what
 * went wrong. Returns the state and a starter that resolves to whether the action succeeded; a
 * start while one is under way is ignored.
 */
export function useAction<A extends unknown[]>(
  action: (...args: A) => Promise<string>,
): [ActionState, (...args: A) => Promise<boolean>] {
  const [state, setState] = useState<ActionState>({ status: 'idle' });
  const busy = useRef(false);
  const start = useCallback(
    async (...args: A) => {
      if (busy.current) return false;
      busy.current = true;
      setState({ status: 'busy' });
      try {
        setState({ status: 'done', message: await action(...args) });
        return true;
      } catch (error) {
        setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
        return false;
      } finally {
        busy.current = false;
      }
    },
    [action],
  );
  return [state, start];
}

/** The status line of an action: a polite status when done, an alert when it failed. */
export function ActionStatus({ state, busyText }: { state: ActionState; busyText: string }) {
  if (state.status === 'busy') return <p class="px-opt-status" role="status">{busyText}</p>;
  if (state.status === 'done') return <p class="px-opt-status" role="status">{state.message}</p>;
  if (state.status === 'failed') return <p class="px-opt-error" role="alert">{state.message}</p>;
  return null;
}
