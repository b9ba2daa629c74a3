/**
 * The engine scored on the labelled corpus's three splits (tests/corpus/splits.ts): the team's own
 * pages, the held-out story pages written blind, and the off-story pages written blind. Every
 * split's score is printed. The design's goals (design.md) are asserted where the engine reaches
 * them; on the held-out split, where it does not yet, the floors below keep it from getting worse
 * and the printout says how far the goals are. The held-out pages are never tuned against: an error
 * there is fixed by its class, not by its page.
 */
import { describe, expect, it } from 'vitest';
import { GOALS, formatScore } from '../corpus/score';
import { scoreSplit } from '../corpus/splits';

const own = scoreSplit('own');
const heldout = scoreSplit('heldout');
const offstory = scoreSplit('offstory');
const story2 = scoreSplit('story2');
console.log(
  [
    formatScore(own, 'own'),
    formatScore(heldout, 'heldout'),
    formatScore(offstory, 'offstory'),
    formatScore(story2, 'story2'),
  ].join('\n'),
);

const per100 = (s: typeof own) => (100 * s.falseAlarms) / s.figures;
const unlocated = (s: typeof own) =>
  s.pages.flatMap((p) => p.unlocated.map((t) => `${p.page}: ${t}`));

// Held-out floors: the scores of 2026-12-02, fourth session (verdicts 0.955 — the goal, 0.95,
// reached —, 0.2 false alarms per 100 figures, figure F1 0.999, mentions F1 0.998), a little under
// so that one figure more or less does not trip them. Raise them as the engine gets better; never
// lower them to let a change in.
const HELDOUT_FLOOR = { verdictAccuracy: 0.95, falseAlarmsPer100: 1, figuresF1: 0.99 };

describe('labelled corpus: the team’s own split', () => {
  it('has every label in the visible text', () => {
    expect(own.pages.length).toBeGreaterThanOrEqual(14);
    expect(unlocated(own)).toEqual([]);
  });
  it('reaches the mention and figure goals, with no look-alike reported', () => {
    expect(own.mentionsF1).toBeGreaterThanOrEqual(GOALS.mentionsF1);
    expect(own.figuresF1).toBeGreaterThanOrEqual(GOALS.figuresF1);
    expect(own.extraMentions).toBe(0);
  });
  it('reaches the verdict goal (the attribute table had 0.898; now 0.961), with at most one false alarm per 100 figures and no blessed error', () => {
    expect(own.verdictAccuracy).toBeGreaterThanOrEqual(GOALS.verdictAccuracy);
    expect(per100(own)).toBeLessThanOrEqual(GOALS.falseAlarmsPer100);
    expect(own.blessedErrors).toBe(0);
  });
});

describe('labelled corpus: the held-out split (written blind)', () => {
  it('has at least 20 pages, every label in the visible text', () => {
    expect(heldout.pages.length).toBeGreaterThanOrEqual(20);
    expect(unlocated(heldout)).toEqual([]);
  });
  it('reports no look-alike and blesses no wrong figure', () => {
    const lookalikes = heldout.pages.flatMap((p) =>
      p.errors.filter((e) => e.startsWith('extra mention')),
    );
    expect(lookalikes).toEqual([]);
    expect(heldout.blessedErrors).toBe(0);
  });
  it('stays at or above its floors (goals: see the printout)', () => {
    expect(heldout.verdictAccuracy).toBeGreaterThanOrEqual(HELDOUT_FLOOR.verdictAccuracy);
    expect(per100(heldout)).toBeLessThanOrEqual(HELDOUT_FLOOR.falseAlarmsPer100);
    expect(heldout.figuresF1).toBeGreaterThanOrEqual(HELDOUT_FLOOR.figuresF1);
  });
  it('reaches the mention goal', () => {
    expect(heldout.mentionsF1).toBeGreaterThanOrEqual(GOALS.mentionsF1);
  });
});

describe('labelled corpus: pages about no watched story (written blind)', () => {
  it('has at least 20 pages, every label in the visible text', () => {
    expect(offstory.pages.length).toBeGreaterThanOrEqual(20);
    expect(unlocated(offstory)).toEqual([]);
  });
  it('finds no watched name and gives no figure a verdict', () => {
    expect(offstory.extraMentions).toBe(0);
    expect(offstory.verdicts).toBe(0);
  });
});

// A second story the engine was not written for (story2/: an invented lithium loan in
// Mozambique, its own sources and watched names, written blind), checked with the bundled story
// watched too. Floors a little under the scores (2026-12-02, fifth session: verdicts 0.953 — the
// goal, 0.95, reached —, no false alarm, no blessed error, figure F1 0.996, mention F1 0.990 —
// the two extra mentions are the bundled story's names on a newsletter page, which its labeller
// did not watch); goals in the printout.
const STORY2_FLOOR = {
  verdictAccuracy: 0.945,
  falseAlarmsPer100: 1,
  figuresF1: 0.99,
  mentionsF1: 0.985,
  blessedErrors: 0,
};

describe('labelled corpus: a second story, from its own sources and names (written blind)', () => {
  it('has at least 8 pages, every label in the visible text', () => {
    expect(story2.pages.length).toBeGreaterThanOrEqual(8);
    expect(unlocated(story2)).toEqual([]);
  });
  it('stays at or above its floors (goals: see the printout)', () => {
    expect(story2.verdictAccuracy).toBeGreaterThanOrEqual(STORY2_FLOOR.verdictAccuracy);
    expect(per100(story2)).toBeLessThanOrEqual(STORY2_FLOOR.falseAlarmsPer100);
    expect(story2.figuresF1).toBeGreaterThanOrEqual(STORY2_FLOOR.figuresF1);
    expect(story2.mentionsF1).toBeGreaterThanOrEqual(STORY2_FLOOR.mentionsF1);
    expect(story2.blessedErrors).toBeLessThanOrEqual(STORY2_FLOOR.blessedErrors);
  });
});
