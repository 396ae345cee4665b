/**
 * The reader's articles as a file: export them all to JSON, import them from such a file. An
 * import is all or nothing; the message says what was added, what was skipped as already stored,
 * or, naming the file, everything that is wrong with it.
 */
import { ActionStatus, useAction } from './ActionStatus';

export interface ArticleFilesProps {
  /** Exports; resolves to what to tell the reader. */
  onExport: () => Promise<string>;
  /** Imports a file; resolves to what to tell the reader, rejects with what is wrong. */
  onImport: (file: File) => Promise<string>;
  /** Whether there is anything to export. */
  canExport: boolean;
}

export function ArticleFiles({ onExport, onImport, canExport }: ArticleFilesProps) {
  const [exportState, exportAll] = useAction(onExport);
  const [importState, importFile] = useAction(onImport);
  return (
    <div class="px-opt-files">
      <div class="px-opt-row">
        <button type="button" class="px-button px-button-quiet" onClick={() => void exportAll()} disabled={!canExport || exportState.status === 'busy'}>
          Export to a file
        </button>
        <ActionStatus state={exportState} busyText="Exporting…" />
      </div>
      <div class="px-opt-row">
        <label class="px-opt-file">
          <span>Import from a file</span>
          <input
            type="file"
            accept=".json,application/json"
            disabled={importState.status === 'busy'}
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              // Cleared, so that choosing the same file again imports it again.
              input.value = '';
              if (file !== undefined) void importFile(file);
            }}
          />
        </label>
        <ActionStatus state={importState} busyText="Importing…" />
      </div>
    </div>
  );
}
