/**
 * The editor page's entry: framed into a web page by the content script (src/content/
 * editor-frame.ts), it joins the content script through the background with the token of its
 * URL's fragment (src/shared/editor-protocol.ts) and shows the form. It sends one runtime message
 * of its own: the journalist's "Shared with the desk" (factmark/annotation-share).
 */
import browser from 'webextension-polyfill';
import { EDITOR_FRAME_PORT } from '../shared/editor-protocol';
import { ask } from '../shared/protocol';
import { startEditor } from './editor-session';
import './editor.css';

const root = document.getElementById('editor');
if (root) {
  startEditor(
    root,
    location.hash.slice(1),
    () => {
      const port = browser.runtime.connect({ name: EDITOR_FRAME_PORT });
      return {
        postMessage: (message) => port.postMessage(message),
        onMessage: (listener) => port.onMessage.addListener(listener),
        onDisconnect: (listener) => port.onDisconnect.addListener(() => listener()),
      };
    },
    // The journalist's "Shared with the desk", asked of the background by this frame itself.
    (request) => ask((message) => browser.runtime.sendMessage(message), request),
  );
}
