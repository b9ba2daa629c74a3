/**
 * The popup's entry: ask the tab for its report, then render at once (the loading state) and
 * fill in as answers arrive. Asked before the first render, not in an effect after it: Preact
 * runs effects after the browser has painted, a frame the content script can use instead; and
 * the facts the report names are asked for as soon as it is in, while the UI still loads.
 */
import { render } from 'preact';
import { App } from './App';
import { popupBrowserApi } from './browser-api';
import { loadPage } from './load-page';
import './popup.css';

// When the popup's code starts (read by the benchmark with load-page.ts's marks: bench/store.ts).
performance.mark('factmark:start');
const root = document.getElementById('app');
// loadPage asks the tab for its report at once (early-report.ts), before the first render.
if (root) render(<App api={popupBrowserApi} page={loadPage(popupBrowserApi)} />, root);
