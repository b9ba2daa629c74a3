import type { ComponentChildren } from 'preact';
import { useFocusWhen } from './focus';

interface Props {
  /** What is about to happen, asked. */
  question: ComponentChildren;
  /** The word on the button that does it ("Remove", "Drop"). */
  action: string;
  busy: boolean;
  onConfirm(): void;
  onKeep(): void;
}

/**
 * A destructive action asked twice: the question, the action, and "Keep", which takes the focus
 * (it replaced the button a keyboard user just pressed).
 */
export function Confirmation({ question, action, busy, onConfirm, onKeep }: Props) {
  const keep = useFocusWhen<HTMLButtonElement>(true);
  return (
    <>
      <span>{question}</span>
      <button type="button" class="button button-danger" disabled={busy} onClick={onConfirm}>
        {action}
      </button>
      <button ref={keep} type="button" class="button" disabled={busy} onClick={onKeep}>
        Keep
      </button>
    </>
  );
}
