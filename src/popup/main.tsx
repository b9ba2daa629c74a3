/** The popup's entry: render at once (the loading state), then fill in as answers arrive. */
import { render } from 'preact';
import { App } from './App';
import { popupBrowserApi } from './browser-api';
import './popup.css';

const root = document.getElementById('app');
if (root) render(<App api={popupBrowserApi} />, root);
