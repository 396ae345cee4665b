/**
 * The panel's way to Parallax's settings page: the reader's own articles (add, remove, export,
 * import), automatic scanning, and the database's repair.
 */

/** A gear, drawn rather than a font glyph so it shows whatever fonts the system has. */
function GearIcon() {
  return (
    <svg aria-hidden="true" focusable="false" width="14" height="14" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">
      <circle cx="8" cy="8" r="2.2" />
      <path d="M8 1.5v1.8M8 12.7v1.8M1.5 8h1.8M12.7 8h1.8M3.4 3.4l1.3 1.3M11.3 11.3l1.3 1.3M3.4 12.6l1.3-1.3M11.3 4.7l1.3-1.3" />
    </svg>
  );
}

export function SettingsButton({ onOpen }: { onOpen: () => void }) {
  return (
    <button type="button" class="px-button px-button-quiet" onClick={onOpen}>
      <GearIcon /> Your articles and settings
    </button>
  );
}
