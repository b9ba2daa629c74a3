/**
 * The attribute schema: every attribute a figure can speak of, and the words that tell so.
 *
 * One small table decides attribution for every page; there are no per-page or per-site rules.
 * How an entry is used (see attribute.ts):
 * - `kind` (and `units` for counts) must match the figure;
 * - every `requires` condition must hold in the figure's sentence (or, for `anaphora` scope, in the
 *   previous sentence when this one opens with a pronoun such as "It has also approved…");
 * - no `excludes` pattern may occur in the figure's neighbourhood (the stretch of its sentence that
 *   belongs to it rather than to the figures beside it);
 * - among the attributes left, the one with a `cue` nearest to the figure within its neighbourhood
 *   wins. No cue in the neighbourhood: the attribute is not a candidate.
 * Patterns run on the block's original text; write whitespace as \s+.
 */
import type { AttributeId, EntityId, FigureKind } from '../types';

/** A condition on the figure's sentence: a mention of an entity, or a pattern. */
export type Requirement =
  { entity: EntityId; scope: Scope } | { pattern: RegExp; scope: Scope } | { anyOf: Requirement[] };

/**
 * Where a requirement is looked for: `sentence`, the figure's own sentence; `anaphora`, also the
 * previous sentence when this one opens with a pronoun ("It has also approved…"); `nearby`, the
 * figure's sentence or the one before it, whatever its opening (a story's setting, named once:
 * "The project is set to generate jobs. Estimates suggest 6,000 jobs…"); `page`, anywhere on the
 * page, title included (entities only): a story names its subject once, then says "the project",
 * and a table row says "EXIM financing | $1.25 billion" under a headline naming the mine.
 */
export type Scope = 'sentence' | 'anaphora' | 'nearby' | 'page';

/** A cue is a pattern or the mentions of an entity. */
export type Cue = RegExp | { entity: EntityId };

export interface AttributeDefinition {
  id: AttributeId;
  /** What the popup and reports call it. */
  label: string;
  kind: FigureKind;
  /** For counts: the plural nouns the figure must carry. */
  units?: readonly string[];
  requires: readonly Requirement[];
  excludes?: RegExp;
  cues: readonly Cue[];
}

// The story's own context: the mine named, or the words reporting uses for it.
const REKO_DIQ_CONTEXT: Requirement = {
  anyOf: [
    { entity: 'reko-diq', scope: 'page' },
    {
      pattern: /\b(?:the|this)\s+(?:mine|project|venture)\b|\bcopper\s+and\s+gold\b/i,
      scope: 'nearby',
    },
  ],
};
const EXIM_CONTEXT: Requirement = { entity: 'exim', scope: 'page' };

// Stakes are said with ownership words, or as "Barrick Gold (50%)" — a party then a bracketed share.
const STAKE_CONTEXT: Requirement = {
  pattern:
    /\b(?:stakes?|shares?|own(?:s|ed|ership|er)?|hold(?:s|ing)?|held|joint\s+venture|equity|partners?|stakeholders?|buy(?:s|ing)?|acquir\w*|acquisition)\b|\(\s*\d/i,
  scope: 'sentence',
};

export const ATTRIBUTES: readonly AttributeDefinition[] = [
  {
    id: 'exim.financing',
    label: "EXIM's financing for Reko Diq",
    kind: 'money',
    requires: [EXIM_CONTEXT, REKO_DIQ_CONTEXT],
    excludes:
      /letters?\s+of\s+interest|project\s+vault|export\s+potential|in\s+projects\s+across|memorandum/i,
    // The bank's name is a cue too ("the US Export-Import Bank put $1.25 billion behind it"):
    // the nearest cue still decides, so "EXIM … $2 billion in equipment" goes to equipment.
    cues: [
      /\bfinanc\w*|\bloans?\b|\bapprov\w*|\bcommitment\b|\bcredit\b|\blen[dt]\w*|\bdeal\b|\bback(?:s|ed|ing)\b/i,
      { entity: 'exim' },
    ],
  },
  {
    id: 'reko-diq.us-equipment',
    label: 'US mining equipment and services the financing brings',
    kind: 'money',
    requires: [{ anyOf: [EXIM_CONTEXT, REKO_DIQ_CONTEXT] }],
    cues: [/\bequipment\b|\bservices\b|\bprocure\w*|\bpurchases?\b|\bsuppliers?\b/i],
  },
  {
    id: 'reko-diq.total-cost',
    label: 'Total cost of the project',
    kind: 'money',
    requires: [REKO_DIQ_CONTEXT],
    cues: [/\bcosts?\b|\bcapex\b|\bcapital\s+(?:cost|expenditure)|\bprice\s+tag\b/i],
  },
  {
    id: 'reko-diq.export-potential',
    label: 'Export potential in the first year',
    kind: 'money',
    requires: [REKO_DIQ_CONTEXT],
    // "export" the verb or noun, not the bank's name ("Export-Import").
    cues: [/\bexport(?:s|ed|ing)?\b(?![\s-]+import)/i],
  },
  {
    id: 'exim.project-vault',
    label: "EXIM's loan for Project Vault",
    kind: 'money',
    requires: [EXIM_CONTEXT],
    cues: [/\bproject\s+vault\b/i],
  },
  {
    id: 'exim.letters-of-interest',
    label: "EXIM's letters of interest for critical-minerals projects",
    kind: 'money',
    // The bank itself must be the subject: the whole US government issues such letters too.
    requires: [{ entity: 'exim', scope: 'anaphora' }],
    cues: [/\bletters?\s+of\s+interest\b/i],
  },
  {
    id: 'reko-diq.us-jobs',
    label: 'Jobs created in the United States',
    kind: 'count',
    units: ['jobs'],
    requires: [{ anyOf: [REKO_DIQ_CONTEXT, EXIM_CONTEXT] }],
    // Case-sensitive on purpose: "US" the country, not "us" the pronoun.
    cues: [
      /\bU\.?S\.?(?![\w.])|\bUnited\s+States\b|\bthe\s+States\b|\bAmerica(?:n|ns)?\b|\bAMERICAN\b/,
    ],
  },
  {
    id: 'reko-diq.balochistan-jobs',
    label: 'Jobs created in Balochistan',
    kind: 'count',
    units: ['jobs'],
    requires: [{ anyOf: [REKO_DIQ_CONTEXT, EXIM_CONTEXT] }],
    cues: [/\bbal[ou]chistan\b|\bpakistan(?:i|is)?\b|\blocal\b/i],
  },
  {
    id: 'barrick.stake',
    label: "Barrick's stake in Reko Diq",
    kind: 'percent',
    requires: [STAKE_CONTEXT],
    excludes: /\btariffs?\b|\btax\w*|\binterest\s+rate/i,
    cues: [{ entity: 'barrick' }],
  },
  {
    id: 'reko-diq.government-stake',
    label: "Each Pakistani government's stake (federal, provincial)",
    kind: 'percent',
    requires: [STAKE_CONTEXT],
    excludes: /\btariffs?\b|\btax\w*|\binterest\s+rate/i,
    // "25 per cent each": the two governments hold equal shares, and reporting says so.
    cues: [/\bfederal\b|\bprovincial\b|\bgovernments?\b|\beach\b/i],
  },
  {
    id: 'reko-diq.pakistan-stake',
    label: "The Pakistani stakeholders' combined stake",
    kind: 'percent',
    requires: [STAKE_CONTEXT],
    excludes: /\btariffs?\b|\btax\w*|\binterest\s+rate/i,
    cues: [/\bpakistan(?:i|'s)?\b/i],
  },
  {
    id: 'reko-diq.manara-stake',
    label: "Manara Minerals' intended stake",
    kind: 'percent',
    requires: [STAKE_CONTEXT],
    cues: [/\bmanara\b|\bsaudi\b/i],
  },
  {
    id: 'reko-diq.production-start',
    label: 'Year production starts',
    kind: 'year',
    requires: [REKO_DIQ_CONTEXT],
    cues: [
      /\bproduc\w*|\boperational\b|\boperations?\b|\boutput\b|\bfirst\s+(?:gold|copper|concentrate)/i,
    ],
  },
  {
    id: 'ministerial.countries',
    label: 'Countries at the 2026 Critical Minerals Ministerial',
    kind: 'count',
    units: ['countries'],
    requires: [],
    cues: [
      /\bministerial\b|\bsummit\b|\bconference\b|\bmeeting\b|\bgathering\b|\brepresent\w*|\bdelegat\w*|\battend\w*|\bhost\w*/i,
    ],
  },
];

export const ATTRIBUTE_BY_ID: ReadonlyMap<AttributeId, AttributeDefinition> = new Map(
  ATTRIBUTES.map((a) => [a.id, a]),
);
