/**
 * Only the user drives Factmark's UI: an event a page script made (`isTrusted` false, from
 * `dispatchEvent`) opens no card, offers no button, saves nothing (issue 12: an untrusted
 * `pointermove` opened the hover card, which shows the fact base's quotes and sources).
 *
 * Handlers that receive the event check it themselves (`isTrusted`). `TrustedEventGate` is for
 * code that runs inside a handler it does not own and receives no event (the hover card is shown
 * from page-highlights.ts's `pointermove` handler): it answers whether the event of its types
 * being dispatched now is trusted.
 *
 * How: a listener on the window in the capture phase runs before any listener on the document or
 * below it, so it sees every event of the type that reaches the document before the document's
 * listeners do. It records the event; a handler further down asks about the latest one. An
 * untrusted event dispatched from inside another one's dispatch (a page listener that calls
 * `dispatchEvent`) becomes the latest: asked about, the gate then says no, for the synthetic event
 * and for the rest of the outer one alike. Failing closed is what we want; the next real
 * pointer move opens the card.
 */
export class TrustedEventGate {
  private latest: Event | null = null;

  constructor(view: Window, types: readonly string[], signal: AbortSignal) {
    const record = (event: Event) => {
      this.latest = event;
    };
    for (const type of types) {
      view.addEventListener(type, record, { capture: true, passive: true, signal });
    }
  }

  /** Whether the latest event of the gate's types, the one being dispatched now, is the user's. */
  get trusted(): boolean {
    return this.latest?.isTrusted === true;
  }
}

/** Wrap a handler so that it runs only for events the user caused. */
export function trustedOnly<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) handler(event);
  };
}
