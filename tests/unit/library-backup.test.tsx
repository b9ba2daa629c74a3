// @vitest-environment happy-dom
/**
 * The Library's Backup section over a fake seam: "Back up everything" downloads one file, with
 * progress; "Restore from backup" says what was restored, or why nothing was; the annotation
 * import recognises a backup and sends the journalist to the Backup section.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackupPanel, backupFileName, restoredSummary } from '../../src/options/BackupPanel';
import type { BackupApi } from '../../src/options/browser-api';
import { ImportPanel } from '../../src/options/ImportPanel';
import type { BackupImportAnswer, RestoreOutcome } from '../../src/shared/backup-protocol';
import { toBackupText } from '../../src/shared/backup-format';
import type { ExportFileAnswer } from '../../src/shared/download';
import { fakeLibraryApi, mount, settle, text } from './library-fixtures';

const OUTCOME: RestoreOutcome = {
  restored: {
    sites: { imported: 1, conflicts: 0, keptLocal: 0 },
    entities: { imported: 4, conflicts: 1, keptLocal: 0 },
    sources: { imported: 3, conflicts: 1, keptLocal: 1 },
    facts: { imported: 1, conflicts: 0, keptLocal: 0 },
    annotations: { imported: 12, conflicts: 2, keptLocal: 1 },
  },
  skipped: [],
};

function fakeBackupApi(answer: BackupImportAnswer = { ok: true, ...OUTCOME }) {
  const api = {
    exportBackup: vi.fn(
      async (onProgress: (written: number, total: number) => void): Promise<ExportFileAnswer> => {
        onProgress(5, 10);
        return { ok: true, file: new Blob(['{"format": "factmark-backup"}']), chars: 29 };
      },
    ),
    restoreBackup: vi.fn(
      async (
        _file: Blob,
        onProgress: (received: number, total: number) => void,
      ): Promise<BackupImportAnswer> => {
        onProgress(100, 100);
        return answer;
      },
    ),
  } satisfies BackupApi;
  return api;
}

function choose(input: HTMLInputElement, file: File): void {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const button = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('button')].find((b) => text(b) === name)!;

afterEach(() => vi.restoreAllMocks());

describe('the Backup section', () => {
  it('is a labelled section with its two actions', async () => {
    const root = await mount(<BackupPanel api={fakeBackupApi()} onRestored={() => undefined} />);
    const section = root.querySelector('section#backup')!;
    expect(text(section.querySelector('#backup-heading'))).toBe('Backup');
    expect(section.getAttribute('aria-labelledby')).toBe('backup-heading');
    expect(button(root, 'Back up everything')).toBeDefined();
    const input = section.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(text(root.querySelector(`label[for="${input.id}"]`))).toBe('Restore from backup');
    expect(input.getAttribute('aria-describedby')).toBeTruthy();
  });

  it('downloads the backup as factmark-backup-<date>.json', async () => {
    const api = fakeBackupApi();
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:backup');
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    const root = await mount(<BackupPanel api={api} onRestored={() => undefined} />);
    button(root, 'Back up everything').click();
    await settle(() => names.length === 1);
    expect(names).toEqual([backupFileName()]);
    expect(backupFileName(new Date(2026, 11, 2))).toBe('factmark-backup-2026-12-02.json');
    expect(created).toHaveBeenCalledTimes(1);
    expect(root.querySelector('#backup .error')).toBeNull();
  });

  it('says why a backup failed', async () => {
    const api = fakeBackupApi();
    api.exportBackup.mockResolvedValueOnce({ ok: false, error: 'backup: the disk is full' });
    const root = await mount(<BackupPanel api={api} onRestored={() => undefined} />);
    button(root, 'Back up everything').click();
    await settle(() => root.querySelector('[role="alert"].error') !== null);
    expect(text(root.querySelector('[role="alert"].error'))).toBe(
      'The backup failed: backup: the disk is full',
    );
  });

  it('restores a file and says what came back, then has the Library list it', async () => {
    const api = fakeBackupApi();
    const restored = vi.fn();
    const root = await mount(<BackupPanel api={api} onRestored={restored} />);
    const file = new File([toBackupText({ ...emptyBackup() })], 'b.json');
    choose(root.querySelector<HTMLInputElement>('input[type=file]')!, file);
    await settle(() => restored.mock.calls.length === 1);
    expect(api.restoreBackup.mock.calls[0]![0]).toBe(file);
    const said = text(root.querySelector('#backup [role="alert"]'));
    expect(said).toContain(restoredSummary(OUTCOME));
    expect(said).toContain(
      'Restored from the backup: 12 annotations, 1 fact of your own, 3 sources, 4 watched names, 1 site switch.',
    );
    expect(said).toContain(
      '4 records were already here with other content: 2 kept as you had them, 2 taken from the file.',
    );
  });

  it('says nothing was restored, and why', async () => {
    const api = fakeBackupApi({
      ok: false,
      error: 'backup-import: version: 2 is newer than this Factmark reads (up to 1)',
    });
    const restored = vi.fn();
    const root = await mount(<BackupPanel api={api} onRestored={restored} />);
    choose(root.querySelector<HTMLInputElement>('input[type=file]')!, new File(['{}'], 'b.json'));
    await settle(() => root.querySelector('#backup [role="alert"].error') !== null);
    expect(text(root.querySelector('#backup [role="alert"]'))).toBe(
      'Nothing was restored: backup-import: version: 2 is newer than this Factmark reads (up to 1)',
    );
    expect(restored).not.toHaveBeenCalled();
  });
});

function emptyBackup() {
  return {
    exportedAt: '2026-12-02T08:00:00.000Z',
    sites: [],
    entities: [],
    sources: [],
    facts: [],
    annotations: [],
  };
}

describe('the annotation import, given a backup', () => {
  it('sends the journalist to the Backup section, importing nothing', async () => {
    const { api } = fakeLibraryApi();
    const importAll = vi.spyOn(api, 'importAll');
    const root = await mount(<ImportPanel api={api} onImported={() => undefined} />);
    const file = new File([toBackupText(emptyBackup())], 'factmark-backup.json');
    choose(root.querySelector<HTMLInputElement>('input[type=file]')!, file);
    await settle(() => root.querySelector('[role="alert"].error') !== null);
    expect(text(root.querySelector('[role="alert"]'))).toBe(
      'This is a Factmark backup of everything: restore it with “Restore from backup” in the Backup section.',
    );
    expect(importAll).not.toHaveBeenCalled();
  });
});
