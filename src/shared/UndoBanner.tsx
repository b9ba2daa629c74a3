interface Props {
  message: string;
  busy: boolean;
  onUndo(): void;
  onDismiss(): void;
}

/** "N annotations deleted. Undo · Dismiss": what was deleted can come back until dismissed. */
export function UndoBanner({ message, busy, onUndo, onDismiss }: Props) {
  return (
    <div class="undo-banner" role="status">
      <span>{message}</span>
      <button type="button" class="button" onClick={onUndo} disabled={busy}>
        Undo
      </button>
      <button type="button" class="button button-quiet" onClick={onDismiss} disabled={busy}>
        Dismiss
      </button>
    </div>
  );
}
