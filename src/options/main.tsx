/** The options page ("Factmark Library"). */
import { render } from 'preact';
import { optionsBrowserApi, storyBrowserApi } from './browser-api';
import { Library } from './Library';
import './options.css';

const root = document.getElementById('app');
if (root) render(<Library api={optionsBrowserApi} story={storyBrowserApi} />, root);
