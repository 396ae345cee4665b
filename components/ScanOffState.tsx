/**
 * The panel's view of a page the reader turned automatic scanning off for: it says so and where
 * to change it, and still offers the on-demand lookup of a selection, which the setting leaves on.
 */
import type { SelectionLookup } from '../lib/compare/panel-data';
import { SelectionLookupView, type SelectionLookupViewProps } from './PanelStates';

export interface ScanOffStateProps {
  /** Why the page was not scanned ("Automatic scanning is off for example.com in Parallax’s settings."). */
  reason: string;
  selection?: SelectionLookup;
  onScanSelection: () => void;
  renderSelection: SelectionLookupViewProps['renderSelection'];
  /** Opens Parallax's settings, where scanning is turned back on. */
  onOpenSettings?: () => void;
}

export function ScanOffState({ reason, selection, onScanSelection, renderSelection, onOpenSettings }: ScanOffStateProps) {
  const pending = selection?.status === 'pending';
  return (
    <section class="px-state" aria-labelledby="px-state-title">
      <h2 id="px-state-title" class="px-state-title">
        Automatic scanning is off here
      </h2>
      <p>{reason}</p>
      <p class="px-hint">You can still select a passage and scan just the selection.</p>
      <button type="button" class="px-button" onClick={onScanSelection} disabled={pending} aria-disabled={pending}>
        Scan my selection
      </button>
      {onOpenSettings !== undefined && (
        <button type="button" class="px-button px-button-quiet" onClick={onOpenSettings}>
          Change scanning settings
        </button>
      )}
      {selection !== undefined && <SelectionLookupView selection={selection} renderSelection={renderSelection} />}
    </section>
  );
}
