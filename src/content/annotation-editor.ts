/**
 * The annotation UI on the page: the "Annotate" button by a selection (annotate-button.ts, in
 * our closed shadow root) and the editor it opens — colour, note, tags, "add to the fact base" —
 * which runs in an extension frame (editor-frame.ts, src/editor/), so that what the journalist
 * types never passes through the page's DOM or its event listeners.
 */
import type { AnnotationColor } from '../core/annotations/types';
import {
  EDITOR_HOST_PORT,
  EDITOR_PAGE,
  type EditorResult,
  type FactOffer,
} from '../shared/editor-protocol';
import { AnnotateButton } from './annotate-button';
import type { ContentBrowserApi } from './browser-api';
import { EditorFrame, type EditorOutcome, type StoreEditorResult } from './editor-frame';

export type { EditorOutcome, EditorResult, FactOffer, StoreEditorResult };

export class AnnotationEditor {
  private readonly button: AnnotateButton;
  private readonly frame: EditorFrame;

  constructor(shadow: ShadowRoot, api: Pick<ContentBrowserApi, 'connect' | 'extensionUrl'>) {
    this.button = new AnnotateButton(shadow);
    this.frame = new EditorFrame({
      shadow,
      pageUrl: api.extensionUrl(EDITOR_PAGE),
      connect: () => api.connect(EDITOR_HOST_PORT),
    });
  }

  /** Offer the button by a selection; `onClick` opens the editor. */
  offer(rect: DOMRect, onClick: () => void): void {
    this.button.offer(rect, onClick);
  }

  withdraw(): void {
    this.button.withdraw();
  }

  get isOpen(): boolean {
    return this.frame.isOpen;
  }

  /**
   * Open the editor by `rect` with `quote` shown. When the user saves, `store` stores the
   * annotation; resolves once the editor is done with it (the editor frame itself asks the
   * background to share it, when the user chose to), or null when nothing was saved.
   */
  open(
    rect: DOMRect,
    quote: string,
    store: StoreEditorResult,
    initial?: Partial<EditorResult>,
    fact?: FactOffer | null,
  ): Promise<EditorOutcome | null> {
    this.withdraw();
    const color: AnnotationColor = initial?.color ?? 'yellow';
    return this.frame.open(
      rect,
      {
        quote,
        color,
        note: initial?.note ?? '',
        tags: initial?.tags ?? [],
        fact: fact ?? null,
        shared: initial?.shared ?? false,
      },
      store,
    );
  }

  dispose(): void {
    this.frame.close();
    this.button.dispose();
  }
}
