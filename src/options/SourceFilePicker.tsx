import { useId } from 'preact/hooks';
import { messageOf } from '../shared/answers';
import { MAX_SOURCE_BYTES, readSourceFile } from './source-file';
import type { SourceTextResult } from './source-text';

interface Props {
  disabled: boolean;
  /** A file was chosen and is being read. */
  onReading(name: string): void;
  /** The file's source, or why it has none (the reason names the file). */
  onRead(result: SourceTextResult): void;
}

/** Choosing a source article's file: a .txt like the seeds, or a saved .html page. */
export function SourceFilePicker({ disabled, onReading, onRead }: Props) {
  const id = useId();

  const onChange = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    onReading(file.name);
    try {
      const result = await readSourceFile(file);
      onRead(result.ok ? result : { ok: false, error: `“${file.name}” ${result.error}.` });
    } catch (thrown) {
      onRead({ ok: false, error: `“${file.name}” could not be read: ${messageOf(thrown)}` });
    } finally {
      // The same file can be chosen again (after fixing it, say).
      input.value = '';
    }
  };

  return (
    <div class="import">
      <label for={`${id}-file`}>Add a source from a file</label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".txt,.html,.htm,text/plain,text/html"
        aria-describedby={`${id}-hint`}
        disabled={disabled}
        onChange={(e) => void onChange(e)}
      />
      <span id={`${id}-hint`} class="muted field-hint">
        A text file (its first line the headline, then optionally “date YYYY-MM-DD”) or a saved web
        page (.html), at most {MAX_SOURCE_BYTES / 1048576} MB.
      </span>
    </div>
  );
}
