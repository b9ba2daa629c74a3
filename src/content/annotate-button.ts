/**
 * The small "Annotate" button offered by a selection, inside our closed shadow root. Only the
 * user's click opens the editor: a page's synthetic click (`isTrusted` false) does nothing.
 */
import { trustedOnly } from './trusted-events';
import { revealHost } from './ui-root';

// The button sits this far below the selection's end, clear of the selected line.
const GAP_PX = 6;

export class AnnotateButton {
  private readonly button: HTMLButtonElement;
  private onClick: (() => void) | null = null;

  constructor(private readonly shadow: ShadowRoot) {
    const doc = shadow.ownerDocument ?? document;
    this.button = doc.createElement('button');
    this.button.type = 'button';
    this.button.className = 'annotate-button';
    this.button.textContent = 'Annotate';
    this.button.hidden = true;
    // Keep the page's selection: a mousedown on the button would otherwise clear it.
    this.button.addEventListener('mousedown', (e) => e.preventDefault());
    this.button.addEventListener(
      'click',
      trustedOnly(() => this.onClick?.()),
    );
    shadow.append(this.button);
  }

  /** Offer the button by a selection; `onClick` opens the editor. */
  offer(rect: DOMRect, onClick: () => void): void {
    this.onClick = onClick;
    const view = this.button.ownerDocument.defaultView;
    const width = view?.innerWidth ?? 1024;
    const height = view?.innerHeight ?? 768;
    this.button.style.left = `${Math.max(4, Math.min(rect.right, width - 100))}px`;
    this.button.style.top = `${Math.max(4, Math.min(rect.bottom + GAP_PX, height - 40))}px`;
    revealHost(this.shadow);
    this.button.hidden = false;
  }

  withdraw(): void {
    this.button.hidden = true;
    this.onClick = null;
  }

  dispose(): void {
    this.withdraw();
    this.button.remove();
  }
}
