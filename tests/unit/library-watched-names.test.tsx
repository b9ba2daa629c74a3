// @vitest-environment happy-dom
/**
 * The Library's Watched names section, over a fake background (story-fixtures.tsx): the list
 * (bundled names marked and switchable), adding a name with an id suggested from it and checked
 * as it is typed by the engine's rules, editing and removing one's own.
 */
import { describe, expect, it } from 'vitest';
import { WatchedNames } from '../../src/options/WatchedNames';
import {
  buildWatchedName,
  spellingsOf,
  suggestId,
  watchedNameProblems,
} from '../../src/options/watched-name';
import {
  ENTITIES,
  buttonNamed,
  fakeStoryApi,
  field,
  mount,
  settle,
  text,
  typeInto,
} from './story-fixtures';

async function openNames() {
  const story = fakeStoryApi();
  const root = await mount(<WatchedNames api={story.api} />);
  await settle(() => root.querySelectorAll('li.watched-name').length === ENTITIES.length);
  return { ...story, root };
}

const item = (root: HTMLElement, id: string) =>
  root.querySelector<HTMLLIElement>(`li.watched-name[data-entity-id="${id}"]`);
const addForm = (root: HTMLElement) =>
  root.querySelector<HTMLFormElement>('form[aria-label="Add a watched name"]')!;
const errorOf = (form: HTMLElement, label: string) => {
  const input = field<HTMLInputElement | HTMLTextAreaElement>(form, label);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
  return ids
    .map((id) => form.querySelector(`[id="${id}"].error`))
    .filter((el) => el !== null)
    .map((el) => text(el))
    .join(' ');
};

describe('watched-name rules', () => {
  it('suggests an id from the name: lower-case words joined by hyphens', () => {
    expect(suggestId('Tembo Hills')).toBe('tembo-hills');
    expect(suggestId('  Société Générale (SocGen) ')).toBe('societe-generale-socgen');
    expect(suggestId('AfDB')).toBe('afdb');
    expect(suggestId('北京')).toBe('');
    expect(suggestId('word '.repeat(40)).length).toBeLessThanOrEqual(64);
  });

  it('reads spellings one per line, blank lines and repeats left out', () => {
    expect(spellingsOf('AfDB\n\n  African  Dev Bank \nafdb\n')).toEqual([
      'AfDB',
      'African Dev Bank',
    ]);
  });

  it("checks each field by the engine's rules", () => {
    const taken = new Set(['exim']);
    expect(watchedNameProblems({ name: '', id: 'Bad Id', spellings: '' }, taken)).toEqual({
      name: 'Give the name as pages write it.',
      id: 'Lower-case words of a–z and 0–9 joined by single hyphens, at most 64 characters.',
    });
    expect(watchedNameProblems({ name: 'EXIM', id: 'exim', spellings: '' }, taken).id).toBe(
      '“exim” is already watched: choose another id.',
    );
    expect(
      watchedNameProblems({ name: 'x', id: 'x', spellings: 'y'.repeat(121) }, taken).spellings,
    ).toMatch(/at most 120 characters/);
    expect(
      watchedNameProblems(
        { name: 'x', id: 'x', spellings: Array.from({ length: 51 }, (_, i) => `s${i}`).join('\n') },
        taken,
      ).spellings,
    ).toBe('At most 50 spellings.');
    expect(
      buildWatchedName(
        { name: ' Tembo  Hills ', id: 'tembo-hills', spellings: 'tembo hills\nTembo Hill project' },
        taken,
      ),
    ).toEqual({
      entity: { id: 'tembo-hills', name: 'Tembo Hills', aliases: ['Tembo Hill project'] },
    });
  });
});

describe('Library: the Watched names section', () => {
  it('lists every watched name: bundled ones marked, switchable, never edited or removed', async () => {
    const { root } = await openNames();
    const rekoDiq = item(root, 'reko-diq')!;
    expect(text(rekoDiq.querySelector('h3'))).toBe('Reko Diq');
    expect(text(rekoDiq.querySelector('.entity-id'))).toBe('reko-diq');
    expect([...rekoDiq.querySelectorAll('.source-head .tag')].map(text)).toEqual(['Bundled']);
    expect(text(rekoDiq.querySelector('.annotation-tags'))).toBe('Reco Diq');
    expect(buttonNamed(rekoDiq, 'Edit')).toBeUndefined();
    expect(buttonNamed(rekoDiq, 'Remove…')).toBeUndefined();
    expect(text(item(root, 'barrick')!.querySelector('.source-head'))).toContain('Off');

    const afdb = item(root, 'afdb')!;
    expect(text(afdb.querySelector('.entity-id'))).toBe('afdb');
    expect(afdb.querySelector('.source-head .tag')).toBeNull();
    expect(buttonNamed(afdb, 'Edit')).toBeDefined();
    expect(buttonNamed(afdb, 'Remove…')).toBeDefined();
  });

  it('switches a bundled name off', async () => {
    const { root, api } = await openNames();
    const toggle = item(root, 'exim')!.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    toggle.checked = false;
    toggle.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(() => text(item(root, 'exim')!.querySelector('.source-head')).includes('Off'));
    expect(api.enableEntity).toHaveBeenCalledWith('exim', false);
  });

  it('adds a name: the id follows the name, spellings one per line', async () => {
    const { root, api } = await openNames();
    const form = addForm(root);
    typeInto(field(form, 'Name'), 'Tembo Hills');
    await settle(() => field(form, 'Id').value === 'tembo-hills');
    typeInto(
      field<HTMLTextAreaElement>(form, 'Other spellings'),
      'Tembo Hill project\nTembo Hills graphite project\n',
    );
    await settle();
    expect([...form.querySelectorAll('.spelling-chips li')].map((li) => text(li))).toEqual([
      'Tembo Hill project',
      'Tembo Hills graphite project',
    ]);
    buttonNamed(form, 'Add the name')!.click();
    await settle(() => item(root, 'tembo-hills') !== null);
    expect(api.saveEntity).toHaveBeenCalledWith({
      id: 'tembo-hills',
      name: 'Tembo Hills',
      aliases: ['Tembo Hill project', 'Tembo Hills graphite project'],
    });
    // The form starts again.
    expect(field(addForm(root), 'Name').value).toBe('');
    expect(field(addForm(root), 'Id').value).toBe('');
  });

  it('shows what is wrong as it is typed, and sends nothing while anything is', async () => {
    const { root, api } = await openNames();
    const form = addForm(root);
    // The suggested id is one already watched.
    typeInto(field(form, 'Name'), 'EXIM');
    await settle(() => errorOf(form, 'Id') !== '');
    expect(errorOf(form, 'Id')).toBe('“exim” is already watched: choose another id.');
    expect(field(form, 'Id').getAttribute('aria-invalid')).toBe('true');

    // An id typed by hand no longer follows the name, and is checked as typed.
    typeInto(field(form, 'Id'), 'Exim_Bank');
    await settle(() => errorOf(form, 'Id').startsWith('Lower-case'));
    typeInto(field(form, 'Name'), 'Export-Import Bank of China');
    await settle();
    expect(field(form, 'Id').value).toBe('Exim_Bank');

    buttonNamed(form, 'Add the name')!.click();
    await settle();
    expect(api.saveEntity).not.toHaveBeenCalled();

    typeInto(field(form, 'Id'), 'china-exim');
    await settle(() => errorOf(form, 'Id') === '');
    typeInto(field(form, 'Name'), '');
    await settle(() => errorOf(form, 'Name') !== '');
    expect(errorOf(form, 'Name')).toBe('Give the name as pages write it.');
    buttonNamed(form, 'Add the name')!.click();
    await settle();
    expect(api.saveEntity).not.toHaveBeenCalled();
  });

  it('says why the background refused a name, and keeps what was typed', async () => {
    const { root, api } = await openNames();
    api.saveEntity.mockResolvedValueOnce({ ok: false, error: 'entity-save: too many names' });
    const form = addForm(root);
    typeInto(field(form, 'Name'), 'Kilimani Resources');
    await settle();
    buttonNamed(form, 'Add the name')!.click();
    await settle(() => form.querySelector('p[role="alert"]') !== null);
    expect(text(form.querySelector('p[role="alert"]'))).toBe(
      'Not saved: entity-save: too many names',
    );
    expect(field(form, 'Name').value).toBe('Kilimani Resources');
  });

  it('edits an own name, its id kept', async () => {
    const { root, api } = await openNames();
    buttonNamed(item(root, 'afdb')!, 'Edit')!.click();
    await settle(() => item(root, 'afdb')!.querySelector('form') !== null);
    const form = item(root, 'afdb')!.querySelector('form')!;
    expect(field(form, 'Id').readOnly).toBe(true);
    expect(field<HTMLTextAreaElement>(form, 'Other spellings').value).toBe('AfDB');
    typeInto(field<HTMLTextAreaElement>(form, 'Other spellings'), 'AfDB\nBAD');
    typeInto(field(form, 'Name'), 'African Development Bank Group');
    await settle();
    expect(field(form, 'Id').value).toBe('afdb');
    buttonNamed(form, 'Save')!.click();
    await settle(() => item(root, 'afdb')!.querySelector('form') === null);
    expect(api.saveEntity).toHaveBeenCalledWith({
      id: 'afdb',
      name: 'African Development Bank Group',
      aliases: ['AfDB', 'BAD'],
    });
    expect(text(item(root, 'afdb')!.querySelector('h3'))).toBe('African Development Bank Group');
  });

  it('removes an own name after confirming', async () => {
    const { root, api } = await openNames();
    buttonNamed(item(root, 'afdb')!, 'Remove…')!.click();
    await settle(() => buttonNamed(item(root, 'afdb')!, 'Remove') !== undefined);
    buttonNamed(item(root, 'afdb')!, 'Remove')!.click();
    await settle(() => item(root, 'afdb') === null);
    expect(api.removeEntity).toHaveBeenCalledWith('afdb');
  });
});
