/**
 * The popup's entry: ask the tab for its report, then render at once (the loading state) and
 * fill in as answers arrive. Asked before the first render, not in an effect after it: Preact
 * runs effects after the browser has painted, a frame the content script can use instead.
 */
import { render } from 'preact';
import { App } from './App';
import { popupBrowserApi } from './browser-api';
import { askReport } from './early-report';
import './popup.css';

const root = document.getElementById('app');
if (root) render(<App api={popupBrowserApi} first={askReport(popupBrowserApi)} />, root);
