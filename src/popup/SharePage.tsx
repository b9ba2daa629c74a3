import { useEffect, useState } from 'preact/hooks';
import type { Annotation } from '../core/annotations/types';
import { failureOf, messageOf } from '../shared/answers';
import type { Authored } from '../shared/desk-sync-client';
import type { AnnotationsAnswer } from '../shared/messages';
import type { PopupBrowserApi } from './browser-api';

interface Props {
  api: Pick<PopupBrowserApi, 'syncStatus' | 'sharePage'>;
  /** The report's URL: the page's annotations are filed under their own (canonical) URL. */
  pageUrl: string;
  /** The page's annotations, as asked for when the report came in. */
  request: Promise<AnnotationsAnswer>;
}

/**
 * "Share all on this page": marks every annotation of the journalist's own on this page shared
 * with the desk (factmark/share with the page's URL). Offered while desk sync is on and some of
 * the page's own annotations are private; teammates' annotations are theirs to share.
 */
export function SharePage({ api, pageUrl, request }: Props) {
  const [user, setUser] = useState<string | null>(null);
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    void request.then((answer) => live && answer.ok && setAnnotations(answer.annotations));
    api
      .syncStatus?.()
      .then((answer) => {
        if (live && answer?.ok && answer.state !== 'off') setUser(answer.user ?? '');
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, request]);

  if (user === null || !api.sharePage) return null;
  const own = annotations.filter((a) => {
    const creator = (a as Authored).creator;
    return creator === undefined || creator === '' || creator === user;
  });
  const privateOnes = own.filter((a) => (a as Authored).shared !== true);
  if (privateOnes.length === 0 && outcome === null) return null;

  const share = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const answer = await api.sharePage!(annotations[0]?.url ?? pageUrl);
      if (!answer?.ok) {
        setOutcome({ ok: false, text: `Not shared: ${failureOf(answer)}` });
        return;
      }
      setAnnotations((list) =>
        list.map((a) => (own.includes(a) ? ({ ...a, shared: true } as Annotation) : a)),
      );
      setOutcome({
        ok: true,
        text:
          answer.changed === 1
            ? '1 annotation is now shared with the desk.'
            : `${answer.changed.toLocaleString()} annotations are now shared with the desk.`,
      });
    } catch (thrown) {
      setOutcome({ ok: false, text: `Not shared: ${messageOf(thrown)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="section share-page" aria-label="Share with the desk">
      {privateOnes.length > 0 ? (
        <button type="button" class="button" disabled={busy} onClick={() => void share()}>
          Share all on this page with the desk ({privateOnes.length.toLocaleString()} private)
        </button>
      ) : null}
      {outcome ? (
        <p class={outcome.ok ? 'muted' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
          {outcome.text}
        </p>
      ) : null}
    </section>
  );
}
