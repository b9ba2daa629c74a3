// @vitest-environment happy-dom
/**
 * Issue 12, what stays in the page: the UI host cannot be taken over through custom elements, and
 * the UI answers only the user's events (`isTrusted`), never a page's `dispatchEvent`.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnnotateButton } from '../../src/content/annotate-button';
import { HoverCard } from '../../src/content/hover-card';
import { TrustedEventGate, trustedOnly } from '../../src/content/trusted-events';
import { createUiRoot, isOurs, revealHost } from '../../src/content/ui-root';

/** An event as the browser makes it for the user's input (happy-dom makes every event untrusted). */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

const RECT = { left: 10, top: 10, right: 100, bottom: 30, width: 90, height: 20 } as DOMRect;

afterEach(() => {
  document.documentElement.querySelectorAll(':scope > div').forEach((d) => d.remove());
});

describe('the UI host', () => {
  it('is a built-in element no page can define, so its constructor and internals stay ours', () => {
    // The attack: define Factmark's old tag first, and take the shadow root from the internals.
    const stolen: unknown[] = [];
    class Thief extends HTMLElement {
      constructor() {
        super();
        // happy-dom has no attachInternals; being constructed at all is the page's way in.
        stolen.push(this.attachInternals?.() ?? this);
      }
    }
    customElements.define('factmark-ui', Thief);
    const { shadow } = createUiRoot(document, '.card {}');
    revealHost(shadow);
    const host = shadow.host as HTMLElement;
    expect(host.localName).toBe('div');
    expect(host.localName).not.toContain('-');
    expect(stolen).toEqual([]);
    expect(host.shadowRoot).toBeNull();
    expect(document.querySelector('factmark-ui')).toBeNull();
    expect(host.parentElement).toBe(document.documentElement);
  });

  it("is told from the page's own elements by identity, not by name", () => {
    const { shadow } = createUiRoot(document, '');
    const lookalike = document.createElement('div');
    document.documentElement.append(lookalike);
    expect(isOurs(shadow.host)).toBe(true);
    expect(isOurs(lookalike)).toBe(false);
    expect(isOurs(document.createElement('span'))).toBe(false);
  });
});

describe('trusted events only', () => {
  it('trustedOnly runs the handler for the user and not for a page script', () => {
    const handler = vi.fn();
    const wrapped = trustedOnly(handler);
    wrapped(new Event('mouseup'));
    expect(handler).not.toHaveBeenCalled();
    wrapped(trusted(new Event('mouseup')));
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('the gate says whether the pointer event being dispatched is the user’s', () => {
    const life = new AbortController();
    const gate = new TrustedEventGate(window, ['pointermove'], life.signal);
    const seen: boolean[] = [];
    const listener = () => seen.push(gate.trusted);
    document.addEventListener('pointermove', listener);
    document.body.dispatchEvent(new Event('pointermove', { bubbles: true }));
    document.body.dispatchEvent(trusted(new Event('pointermove', { bubbles: true })));
    // A page listener that dispatches a synthetic move while handling the user's.
    let nesting = false;
    const nested = () => {
      if (nesting) return;
      nesting = true;
      document.body.dispatchEvent(new Event('pointermove', { bubbles: true }));
    };
    window.addEventListener('pointermove', nested, { capture: true });
    document.body.dispatchEvent(trusted(new Event('pointermove', { bubbles: true })));
    // The synthetic one is refused, and so is the rest of the user's move it interrupted.
    expect(seen).toEqual([false, true, false, false]);
    window.removeEventListener('pointermove', nested, { capture: true });
    document.removeEventListener('pointermove', listener);
    life.abort();
  });

  it('the hover card does not open for a synthetic pointer move', () => {
    const { shadow } = createUiRoot(document, '');
    let userIsPointing = false;
    const card = new HoverCard(shadow, () => userIsPointing);
    const subject = {
      type: 'mention' as const,
      mention: { entity: 'exim' as const, text: 'EXIM', start: 0, end: 4 },
    };
    card.show(subject, RECT);
    expect(card.visible).toBe(false);
    userIsPointing = true;
    card.show(subject, RECT);
    expect(card.visible).toBe(true);
  });

  it('the Annotate button opens the editor for a click of the user only', () => {
    const { shadow } = createUiRoot(document, '');
    const button = new AnnotateButton(shadow);
    const open = vi.fn();
    button.offer(RECT, open);
    const el = shadow.querySelector('button') as HTMLButtonElement;
    el.click();
    el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(open).not.toHaveBeenCalled();
    el.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    expect(open).toHaveBeenCalledTimes(1);
  });
});
