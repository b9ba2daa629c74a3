// @vitest-environment happy-dom
/** The Library's list of annotations draws a new page's first rows first (AnnotationGroups.tsx). */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { AnnotationGroups, FIRST_ROWS } from '../../src/options/AnnotationGroups';
import { groupAnnotations } from '../../src/options/annotation-query';
import { annotation } from './popup-fixtures';
import { settle } from './library-fixtures';

const rows = (root: ParentNode) => root.querySelectorAll('li.library-annotation').length;

function page(n: number, site: string) {
  return Array.from({ length: n }, (_, i) =>
    annotation({ url: `https://${site}.example/page${i % 7}`, updated: 1_000 + i }),
  );
}

function draw(root: HTMLElement, list: ReturnType<typeof page>) {
  // Not through act(), which would run the list's effect before we look.
  render(
    <AnnotationGroups
      groups={groupAnnotations(list, 'site', Infinity)}
      grouping="site"
      selected={new Set()}
      onSelect={() => undefined}
    />,
    root,
  );
}

describe('Library list: a page of 200 rows', () => {
  it('draws its first rows first, marked busy, then every row; a new page again', async () => {
    document.body.replaceChildren();
    const root = document.createElement('div');
    document.body.append(root);
    draw(root, page(200, 'one'));
    expect(rows(root)).toBe(FIRST_ROWS);
    expect(root.querySelector('.annotation-groups')?.getAttribute('aria-busy')).toBe('true');
    await settle(() => rows(root) === 200);
    expect(root.querySelector('.annotation-groups')?.hasAttribute('aria-busy')).toBe(false);

    // The next page: first rows first again.
    draw(root, page(150, 'two'));
    expect(rows(root)).toBe(FIRST_ROWS);
    await settle(() => rows(root) === 150);
  });

  it('draws a short page whole at once', () => {
    document.body.replaceChildren();
    const root = document.createElement('div');
    document.body.append(root);
    draw(root, page(FIRST_ROWS, 'one'));
    expect(rows(root)).toBe(FIRST_ROWS);
    expect(root.querySelector('.annotation-groups')?.hasAttribute('aria-busy')).toBe(false);
  });
});
