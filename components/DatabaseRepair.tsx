/**
 * Rebuilding Parallax's database: for when it cannot be opened, an upgrade failed, or it is damaged
 * (the panel says so). The bundled articles are stored again and the reader's own come back from
 * their backup copy.
 */
import { ActionStatus, useAction } from './ActionStatus';

export interface DatabaseRepairProps {
  /** Rebuilds; resolves to what to tell the reader. */
  onRebuild: () => Promise<string>;
  /** The database's problem, when one is known (its message); null when it works. */
  problem: string | null;
}

export function DatabaseRepair({ onRebuild, problem }: DatabaseRepairProps) {
  const [state, rebuild] = useAction(onRebuild);
  return (
    <div class="px-opt-repair">
      {problem !== null && state.status !== 'done' && (
        <p class="px-opt-error" role="alert">
          {problem}
        </p>
      )}
      <p class="px-hint">
        If Parallax reports that its database cannot be opened or is damaged, rebuild it. The bundled articles are stored
        again, and your own articles come back from the copy Parallax keeps of them.
      </p>
      <div class="px-opt-row">
        <button type="button" class="px-button" onClick={() => void rebuild()} disabled={state.status === 'busy'}>
          Rebuild database
        </button>
        <ActionStatus state={state} busyText="Rebuilding the database…" />
      </div>
    </div>
  );
}
