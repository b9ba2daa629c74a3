/** Styles of our shadow-root UI. Inside the shadow root they neither see the page's CSS nor leak out. */
export const UI_CSS = `
:host { all: initial; }
/* The host is a popover in the top layer (ui-root.ts). Its backdrop, which a page's CSS may
   style for its own dialogs, is never drawn: an !important rule of the host's shadow tree wins
   over the page's, !important or not. */
:host::backdrop { display: none !important; }
.card {
  position: fixed; max-width: 360px; min-width: 220px; box-sizing: border-box;
  padding: 10px 12px; border-radius: 8px; pointer-events: auto;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: #1b1f24; background: #ffffff; border: 1px solid #c9ced6;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);
}
.card[hidden] { display: none; }
.card h2 { font-size: 13px; margin: 0 0 6px; font-weight: 650; }
.card p { margin: 4px 0; }
.card .muted { color: #57606a; }
.card blockquote { margin: 6px 0 0; padding: 0 0 0 8px; border-left: 3px solid #c9ced6; font-style: italic; }
.card .source { font-size: 12px; color: #57606a; margin-top: 2px; }
.badge { display: inline-block; padding: 1px 7px; border-radius: 10px; font-weight: 650; font-size: 12px; }
.badge.supported { background: #dafbe1; color: #0a5c2a; }
.badge.contradicted { background: #ffe1e0; color: #8c1111; }
.badge.unverified { background: #eef0f3; color: #3d444d; }
.strip {
  position: fixed; top: 0; right: 0; width: 10px; height: 100vh; pointer-events: auto;
  background: rgba(127, 127, 127, 0.12);
}
.strip[hidden] { display: none; }
.mark {
  position: absolute; right: 1px; width: 8px; height: 4px; min-height: 4px; border: 0; padding: 0;
  border-radius: 2px; cursor: pointer;
}
.mark:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
.mark.supported { background: #1a7f37; }
.mark.contradicted { background: #cf222e; height: 6px; }
.mark.unverified { background: #8c959f; }
.annotate-button {
  position: fixed; pointer-events: auto; box-sizing: border-box;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: #1b1f24; background: #ffffff; border: 1px solid #c9ced6; border-radius: 8px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);
  padding: 4px 10px; cursor: pointer; font-weight: 600;
}
.annotate-button[hidden] { display: none; }
.annotate-button:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
/* The editor's frame (editor-frame.ts): the panel's box; the extension's page inside paints the rest. */
.editor-frame {
  position: fixed; pointer-events: auto; box-sizing: content-box; display: block; margin: 0;
  border: 1px solid #c9ced6; border-radius: 8px; background: #ffffff; color-scheme: light dark;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);
}
.editor-frame.pending { visibility: hidden; }
@media (prefers-color-scheme: dark) {
  .annotate-button { color: #e6edf3; background: #161b22; border-color: #3d444d; }
  .editor-frame { background: #161b22; border-color: #3d444d; }
}
@media (prefers-color-scheme: dark) {
  .card { color: #e6edf3; background: #161b22; border-color: #3d444d; }
  .card .muted, .card .source { color: #9da7b3; }
  .card blockquote { border-left-color: #3d444d; }
  .badge.supported { background: #12361f; color: #7ee2a0; }
  .badge.contradicted { background: #4a1414; color: #ffaba8; }
  .badge.unverified { background: #2d333b; color: #c9d1d9; }
}
`;
