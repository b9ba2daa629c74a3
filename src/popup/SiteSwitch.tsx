import { useEffect, useState } from 'preact/hooks';
import type { PopupBrowserApi } from './browser-api';

interface Props {
  api: PopupBrowserApi;
  tabId: number;
  host: string;
}

/**
 * "On for this site": remembered by the background, and told to the page's content script at
 * once (the background cannot reach the tab without the "tabs" permission).
 */
export function SiteSwitch({ api, tabId, host }: Props) {
  // null until the background has said; the checkbox is disabled meanwhile.
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api
      .getSiteEnabled(host)
      .then((answer) => live && setEnabled(answer.ok ? answer.enabled : true))
      .catch(() => live && setEnabled(true));
    return () => {
      live = false;
    };
  }, [api, host]);

  const onChange = async (event: Event) => {
    const wanted = (event.currentTarget as HTMLInputElement).checked;
    setBusy(true);
    setError(null);
    try {
      const answer = await api.setSiteEnabled(host, wanted).catch(() => null);
      if (!answer?.ok) {
        setError('Could not change the setting for this site.');
        return;
      }
      setEnabled(answer.enabled);
      await api
        .sendToTab(tabId, { type: 'factmark/site-enabled', enabled: answer.enabled })
        .catch(() => setError('Saved. Reload the page to apply it.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="site-switch">
      <label>
        <input
          type="checkbox"
          checked={enabled ?? false}
          disabled={enabled === null || busy}
          onChange={onChange}
        />
        On for this site <span class="muted">({host})</span>
      </label>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
