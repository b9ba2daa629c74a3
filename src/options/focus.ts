import { useEffect, useRef } from 'preact/hooks';

/**
 * A ref whose element takes the focus when `when` turns true: the "Keep" button of a confirmation
 * that replaced the button a keyboard user just pressed, so their focus is not lost to the page.
 */
export function useFocusWhen<T extends HTMLElement>(when: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (when) ref.current?.focus();
  }, [when]);
  return ref;
}
