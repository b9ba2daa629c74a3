import type { ComponentChildren } from 'preact';

/** A friendly message in place of content: loading, a page Factmark cannot read, nothing found. */
export function Notice({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="notice" role="status">
      <p class="notice-title">{title}</p>
      {children ? <p class="muted">{children}</p> : null}
    </div>
  );
}
