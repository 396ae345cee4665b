/**
 * Automatic scanning: on or off entirely, and sites where it is off. Looking up a selection (the
 * context menu, the shortcut, "Scan my selection") keeps working everywhere: that is the reader asking.
 */
import { useState } from 'preact/hooks';
import { parseSite, withSiteOff, withSiteOn, type ScanSettings } from '../lib/settings';
import { ActionStatus, useAction } from './ActionStatus';

export interface ScanSettingsFormProps {
  /** Null while the settings load. */
  settings: ScanSettings | null;
  /** Stores new settings; resolves to what to tell the reader. */
  onChange: (settings: ScanSettings) => Promise<string>;
}

export function ScanSettingsForm({ settings, onChange }: ScanSettingsFormProps) {
  const [site, setSite] = useState('');
  const [siteProblem, setSiteProblem] = useState<string | null>(null);
  const [state, change] = useAction(onChange);
  if (settings === null) return <p class="px-hint" role="status">Loading your settings…</p>;

  const addSite = async () => {
    const parsed = parseSite(site);
    if ('problem' in parsed) {
      setSiteProblem(parsed.problem);
      return;
    }
    setSiteProblem(null);
    if (await change(withSiteOff(settings, parsed.site))) setSite('');
  };

  return (
    <div class="px-opt-scan">
      <label class="px-opt-check">
        <input
          type="checkbox"
          checked={settings.autoScan}
          onChange={(event) => void change({ ...settings, autoScan: event.currentTarget.checked })}
        />
        <span>Scan news pages automatically</span>
      </label>
      <p class="px-hint">
        When this is off, or a site is listed below, Parallax does not read pages by itself there; you can still select
        text and look it up.
      </p>
      <form
        class="px-opt-row"
        onSubmit={(event) => {
          event.preventDefault();
          void addSite();
        }}
      >
        <label class="px-opt-field px-opt-field-inline">
          <span>Site</span>
          <input
            type="text"
            name="site"
            value={site}
            onInput={(event) => setSite(event.currentTarget.value)}
            placeholder="example.com"
            aria-invalid={siteProblem !== null}
            aria-describedby={siteProblem !== null ? 'px-site-problem' : undefined}
          />
        </label>
        <button type="submit" class="px-button px-button-quiet">
          Don’t scan this site
        </button>
      </form>
      {siteProblem !== null && (
        <p id="px-site-problem" class="px-opt-error" role="alert">
          {siteProblem}
        </p>
      )}
      {settings.offSites.length > 0 && (
        <ul class="px-opt-sites" aria-label="Sites Parallax does not scan">
          {settings.offSites.map((s) => (
            <li key={s}>
              <span>{s}</span>
              <button type="button" class="px-button px-button-quiet" aria-label={`Scan ${s} again`} onClick={() => void change(withSiteOn(settings, s))}>
                Scan again
              </button>
            </li>
          ))}
        </ul>
      )}
      <ActionStatus state={state} busyText="Saving…" />
    </div>
  );
}
