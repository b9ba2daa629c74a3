// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { SiteSwitch } from '../../src/popup/SiteSwitch';
import { TAB_ID, fakeApi, mount, settle, text } from './popup-fixtures';

const checkbox = (root: HTMLElement) =>
  root.querySelector<HTMLInputElement>('input[type=checkbox]')!;

describe('popup: per-site switch', () => {
  it('shows what the background remembers for the host', async () => {
    const { api } = fakeApi();
    let answer: (a: { ok: true; enabled: boolean }) => void = () => undefined;
    api.getSiteEnabled.mockReturnValue(new Promise((resolve) => (answer = resolve)) as never);
    const root = await mount(<SiteSwitch api={api} tabId={TAB_ID} host="news.example" />);
    // Disabled until the background answers, so a click cannot race the answer.
    expect(checkbox(root).disabled).toBe(true);
    answer({ ok: true, enabled: false });
    await settle(() => !checkbox(root).disabled);
    expect(api.getSiteEnabled).toHaveBeenCalledWith('news.example');
    expect(checkbox(root).checked).toBe(false);
    expect(text(root)).toBe('On for this site (news.example)');
  });

  it('turning it off tells the background, then the page', async () => {
    const { api, toTab } = fakeApi();
    const root = await mount(<SiteSwitch api={api} tabId={TAB_ID} host="news.example" />);
    await settle(() => !checkbox(root).disabled);
    expect(checkbox(root).checked).toBe(true);

    checkbox(root).click();
    await settle(() => toTab.length > 0);
    expect(api.setSiteEnabled).toHaveBeenCalledWith('news.example', false);
    expect(toTab).toEqual([{ type: 'factmark/site-enabled', enabled: false }]);
    expect(api.setSiteEnabled.mock.invocationCallOrder[0]).toBeLessThan(
      api.sendToTab.mock.invocationCallOrder[0]!,
    );
    expect(checkbox(root).checked).toBe(false);
  });

  it('does not tell the page when the background could not save', async () => {
    const { api, toTab } = fakeApi();
    api.setSiteEnabled.mockResolvedValue({ ok: false, error: 'disk full' } as never);
    const root = await mount(<SiteSwitch api={api} tabId={TAB_ID} host="news.example" />);
    await settle(() => !checkbox(root).disabled);
    checkbox(root).click();
    await settle(() => root.querySelector('[role=alert]') !== null);
    expect(text(root.querySelector('[role=alert]'))).toBe(
      'Could not change the setting for this site.',
    );
    expect(toTab).toEqual([]);
  });
});
