/** The options page's only door to extension APIs; unit tests replace it. */
import browser from 'webextension-polyfill';
import type { FactsAnswer } from '../shared/messages';

export interface OptionsBrowserApi {
  getAllFacts(): Promise<FactsAnswer>;
}

export const optionsBrowserApi: OptionsBrowserApi = {
  getAllFacts() {
    return browser.runtime.sendMessage({ type: 'factmark/facts' });
  },
};
