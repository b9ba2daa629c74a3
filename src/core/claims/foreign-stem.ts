/**
 * The inflections of the languages the translation lexicon (translations.ts) knows: from a lemma as
 * a dictionary writes it ("préstamo", "aprobar", "Anteil", "godkänna") to the forms a news page
 * writes ("préstamos", "aprobó", "Anteile", "godkänner"). Regular endings only; what a language does
 * irregularly the lexicon lists as written. Story-independent, and no English: English words keep
 * the Porter stemmer (terms.ts).
 *
 * A lemma's forms are given as paradigms: a base and the endings it takes ("aprob" + "ar", "ó",
 * "ado", "aron"…). The lexicon looks a word up by cutting an ending off and finding the base, so
 * no form is ever spelled out in advance: nothing is built when a page's first word is read.
 *
 * Forms are folded (fold below) on both sides, so that accents and umlauts need no rule of their
 * own: "Länder" is "land" + "er", "commençait" is "commenc" + "ait", "achète" is "achet" + "e".
 *
 * The rules over-generate ("préstama", "Kreditern"): a form no one writes costs nothing, as long
 * as it is not a word of its own elsewhere — the lexicon drops such collisions (NOT_FOREIGN in
 * translations.ts) and a test holds English to it.
 */

export type Lang = 'es' | 'fr' | 'pt' | 'it' | 'de' | 'sv' | 'nl';
/** n: a noun; a: an adjective or participle (gender and number); v: a verb. */
export type Pos = 'n' | 'a' | 'v';

export const LANGS: readonly Lang[] = ['es', 'fr', 'pt', 'it', 'de', 'sv', 'nl'];

/** A base and the endings it takes, lower-case and with their accents ("" for the bare base). */
export interface Paradigm {
  base: string;
  endings: readonly string[];
}

/**
 * A word's folded form: lower-case, without accents, umlauts or cedillas; "ß" as "ss", "æ"/"œ" as
 * two letters, "ø" as "o". Pages drop accents now and then (headlines in capitals, URLs) and the
 * endings are regular only once they are gone.
 */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  let out = '';
  let from = 0;
  for (let i = 0; i < lower.length; i++) {
    if (lower.charCodeAt(i) < 0xc0) continue;
    // A table rather than Unicode normalization, which costs more than the rest of a look-up.
    const c = lower[i] as string;
    out += lower.slice(from, i) + (FOLDED.get(c) ?? c.normalize('NFD')[0]);
    from = i + 1;
  }
  return from === 0 ? lower : out + lower.slice(from);
}

const FOLDED: ReadonlyMap<string, string> = new Map(
  (
    'à:a á:a â:a ã:a ä:a å:a æ:ae ç:c è:e é:e ê:e ë:e ì:i í:i î:i ï:i ñ:n ò:o ó:o ô:o õ:o ' +
    'ö:o ø:o ù:u ú:u û:u ü:u ý:y ÿ:y ß:ss œ:oe'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/**
 * A generated form shorter than this is not read (a lemma as written is, at any length): forms of
 * two or three letters are the function words, abbreviations and English words of these languages
 * ("da", "dan", "dio" of "dar"; "tet", "ade").
 */
export const MIN_GENERATED = 4;

/**
 * The paradigms of a lemma written in the lexicon's notation (see translations.ts): "word!" is
 * that form only; "pre+verb" a separable verb. The lemma itself is always a form.
 */
export function paradigmsOf(entry: string, lang: Lang, pos: Pos): Paradigm[] {
  const lower = entry.toLowerCase();
  if (lower.endsWith('!')) return [plus(lower.slice(0, -1), '0')];
  const bar = lower.indexOf('+');
  const lemma = lower.replace('+', '');
  const own =
    bar !== -1
      ? separable(lower.slice(0, bar), lower.slice(bar + 1), lang)
      : RULES[lang][pos](lower);
  return [plus(lemma, '0'), ...own];
}

/** Every form of a lemma (tests and audits; the lexicon itself never spells them out). */
export function formsOf(entry: string, lang: Lang, pos: Pos): string[] {
  const [first, ...rest] = paradigmsOf(entry, lang, pos);
  const lemma = first?.base ?? '';
  const out = [lemma];
  for (const p of rest) {
    for (const e of p.endings) {
      const form = p.base + e;
      if (form.length >= MIN_GENERATED && form !== lemma && !out.includes(form)) out.push(form);
    }
  }
  return out;
}

type Rule = (lemma: string) => Paradigm[];
type LangRules = Record<Pos, Rule>;

// Endings lists split once, shared by every lemma of a rule.
const SPLIT = new Map<string, string[]>();

function plus(base: string, endings: string): Paradigm {
  let list = SPLIT.get(endings);
  if (list === undefined) {
    list = endings.split(' ').map((e) => (e === '0' ? '' : e));
    SPLIT.set(endings, list);
  }
  return { base, endings: list };
}

// ---- Spanish ----

function esNoun(l: string): Paradigm[] {
  if (/[aeo]$/.test(l)) return [plus(l, 's')];
  if (l.endsWith('z')) return [plus(l.slice(0, -1), 'ces')];
  // "país" → "países", "interés" → "intereses", "acción" → "acciones"; "iraní" → "iraníes".
  if (/[íú]$/.test(l)) return [plus(l, 's es')];
  return [plus(l, 'es')];
}

function esAdj(l: string): Paradigm[] {
  if (l.endsWith('o')) return [plus(l.slice(0, -1), 'o a os as')];
  if (/[ae]$/.test(l)) return [plus(l, 's')];
  // Consonants: "federal(es)", "francés/francesa", "trabajador(a)(es)(as)".
  return [plus(l, 'es a as')];
}

/** Before e, a stem's c, g and z change spelling: "explique", "pague", "comience". */
function esSoft(stem: string): string {
  if (stem.endsWith('c')) return stem.slice(0, -1) + 'qu';
  if (stem.endsWith('g')) return stem + 'u';
  if (stem.endsWith('z')) return stem.slice(0, -1) + 'c';
  return stem;
}

// Third persons, participles, gerund, future, imperfect, conditional, subjunctive: what news
// writes. "-ó" of the preterite folds to "o", as the first person's present does.
function esVerb(l: string): Paradigm[] {
  const stem = l.slice(0, -2);
  if (l.endsWith('ducir')) {
    // producir, reducir: produce, produjo, produzca.
    return [
      plus(
        l.slice(0, -3),
        'ce cen zca zcan jo jeron cia cian cido cida cidos cidas ciendo cira ciran ciria cirian',
      ),
    ];
  }
  if (l.endsWith('uir')) {
    // construir, contribuir: construye, construyó.
    return [
      plus(stem, 'ye yen yo yeron ia ian ido ida idos idas yendo ira iran iria irian ya yan'),
    ];
  }
  if (l.endsWith('ar')) {
    return [
      plus(stem, 'a an o aron aba aban ado ada ados adas ando ara aran aria arian'),
      plus(esSoft(stem), 'e en'),
    ];
  }
  const v = l.endsWith('er') ? 'e' : 'i';
  return [
    plus(
      stem,
      `e en a an io ieron ia ian ido ida idos idas iendo ${v}ra ${v}ran ${v}ria ${v}rian iera ieran`,
    ),
  ];
}

// ---- Portuguese ----

function ptNoun(l: string): Paradigm[] {
  if (l.endsWith('ão')) return [plus(l.slice(0, -2), 'ões ães ãos')];
  if (l.endsWith('m')) return [plus(l.slice(0, -1), 'ns')];
  // "capital" → "capitais", "papel" → "papéis", "sustentável" → "sustentáveis", "barril" → "barris".
  if (/[aeouáéó]l$/.test(l)) return [plus(l.slice(0, -1), 'is')];
  if (l.endsWith('il')) return [plus(l.slice(0, -1), 's')];
  if (/[rzs]$/.test(l)) return [plus(l, 'es')];
  return [plus(l, 's')];
}

function ptAdj(l: string): Paradigm[] {
  if (l.endsWith('ão')) return [plus(l.slice(0, -2), 'ães ões ãos ã ãs')];
  if (l.endsWith('o')) return [plus(l.slice(0, -1), 'a os as')];
  if (/[rs]$/.test(l)) return [plus(l, 'es a as')];
  return ptNoun(l);
}

/** Before e, a stem's c and g change spelling: "aplique", "pague"; a "ç" only loses its cedilla. */
function ptSoft(stem: string): string {
  if (stem.endsWith('ç')) return stem.slice(0, -1) + 'c';
  if (stem.endsWith('c')) return stem.slice(0, -1) + 'qu';
  if (stem.endsWith('g')) return stem + 'u';
  return stem;
}

function ptVerb(l: string): Paradigm[] {
  const stem = l.slice(0, -2);
  if (l.endsWith('zir')) {
    // produzir, reduzir: produz, produziu.
    return [plus(stem, '0 em iu iram ia iam ido ida idos idas indo ira irao iria iriam a am')];
  }
  if (l.endsWith('uir')) {
    // possuir, construir, contribuir: possui, possuem, construiu.
    return [plus(stem, 'i em iu iram ia iam ido ida idos idas indo ira irao iria iriam a am')];
  }
  if (l.endsWith('ar')) {
    return [
      plus(stem, 'a am ou aram ava avam ado ada ados adas ando ara arao aria ariam'),
      plus(ptSoft(stem), 'e em'),
    ];
  }
  const v = l.endsWith('er') ? 'e' : 'i';
  const past = v === 'e' ? 'eu' : 'iu';
  return [
    plus(
      stem,
      `e em a am ${past} ${v}ram ia iam ido ida idos idas ${v}ndo ${v}ra ${v}rao ${v}ria ${v}riam`,
    ),
  ];
}

// ---- Italian ----

function itNoun(l: string): Paradigm[] {
  if (l.endsWith('io')) return [plus(l.slice(0, -1), '0')];
  if (/[cg]o$/.test(l)) return [plus(l.slice(0, -1), 'hi i')];
  if (/[cg]a$/.test(l)) return [plus(l.slice(0, -1), 'he hi')];
  if (l.endsWith('o')) return [plus(l.slice(0, -1), 'i')];
  if (l.endsWith('a')) return [plus(l.slice(0, -1), 'e i')];
  if (l.endsWith('e')) return [plus(l.slice(0, -1), 'i')];
  return [];
}

function itAdj(l: string): Paradigm[] {
  if (/[cg]o$/.test(l)) return [plus(l.slice(0, -1), 'a i he hi')];
  if (l.endsWith('io')) return [plus(l.slice(0, -1), 'a e 0')];
  if (l.endsWith('o')) return [plus(l.slice(0, -1), 'a i e')];
  if (l.endsWith('e')) return [plus(l.slice(0, -1), 'i')];
  return itNoun(l);
}

function itVerb(l: string): Paradigm[] {
  const stem = l.slice(0, -3);
  if (l.endsWith('urre')) {
    // produrre, ridurre: produce, prodotto, produrrà.
    return [
      plus(
        l.slice(0, -4),
        'uce ucono otto otta otti otte urrà urranno uceva ucevano ucendo usse ussero uca ucano urrebbe urrebbero',
      ),
    ];
  }
  if (l.endsWith('are')) {
    // "-care", "-gare" keep their sound with an h: "cercherà"; "-ciare" drop the i: "lancerà".
    const h = /[cg]$/.test(stem) ? stem + 'h' : /[cg]i$/.test(stem) ? stem.slice(0, -1) : stem;
    return [
      plus(stem, 'a ano ato ata ati ate ando ava avano ò arono'),
      plus(h, 'erà eranno erebbe erebbero'),
    ];
  }
  if (l.endsWith('ere')) {
    return [
      plus(
        stem,
        'e ono uto uta uti ute endo eva evano é ette erono ettero erà eranno erebbe erebbero a ano',
      ),
    ];
  }
  return [
    plus(
      stem,
      'e ono isce iscono ito ita iti ite endo iva ivano ì irono irà iranno irebbe irebbero a ano isca iscano',
    ),
  ];
}

// ---- French ----

function frNoun(l: string): Paradigm[] {
  if (/[sxz]$/.test(l)) return [];
  if (l.endsWith('ail')) return [plus(l, 's'), plus(l.slice(0, -3), 'aux')];
  if (l.endsWith('al')) return [plus(l, 's'), plus(l.slice(0, -2), 'aux')];
  if (/(?:eau|au|eu)$/.test(l)) return [plus(l, 'x s')];
  return [plus(l, 's')];
}

function frAdj(l: string): Paradigm[] {
  if (l.endsWith('if')) return [plus(l.slice(0, -2), 'ifs ive ives')];
  if (l.endsWith('eux')) return [plus(l.slice(0, -3), 'euse euses')];
  if (/(?:el|en|on)$/.test(l)) return [plus(l, 's ' + l.slice(-1) + 'e ' + l.slice(-1) + 'es')];
  if (l.endsWith('ier')) return [plus(l.slice(0, -3), 'iers ière ières')];
  if (l.endsWith('er')) return [plus(l.slice(0, -2), 'ers ère ères')];
  if (l.endsWith('al')) return [plus(l.slice(0, -2), 'als ale ales aux')];
  if (l.endsWith('ic')) return [plus(l, 's que ques')];
  // "-e" is both genders ("stratégique"); "-é" is a participle's ("salarié", "salariées").
  if (l.endsWith('e')) return [plus(l, 's')];
  return [plus(l, 's e es')];
}

function frVerb(l: string): Paradigm[] {
  const stem = l.slice(0, -2);
  if (l.endsWith('uire')) {
    // produire, construire, réduire: produit, produisent, construira.
    return [
      plus(
        l.slice(0, -3),
        'uit uits uite uites uisent uisait uisaient uira uiront uirait uiraient uisant uisit uisirent uise',
      ),
    ];
  }
  if (l.endsWith('er')) {
    // "-ger" keeps its sound before a and o: "engageait", "engageant".
    const soft = stem.endsWith('g') ? stem + 'e' : stem;
    return [
      plus(stem, 'e es ent era eront erait eraient èrent é ée és ées'),
      plus(soft, 'ait aient a ant'),
    ];
  }
  if (l.endsWith('ir')) {
    return [
      plus(stem, 'it issent issait issaient ira iront irait iraient i ie is ies issant irent isse'),
    ];
  }
  // -re: "vendre", "attendre": vend, vendent, vendu.
  return [plus(stem, '0 ent u ue us ues ait aient ra ront rait raient ant it irent e')];
}

// ---- German ----

function deNoun(l: string): Paradigm[] {
  // Plurals with an umlaut ("Zölle", "Arbeitsplätze") are the same letters once folded; plurals
  // in "-er" ("Länder") are listed as written.
  if (l.endsWith('e')) return [plus(l, 'n')];
  // Feminine nouns take no "-s" and make their plural in "-en".
  if (/(?:ung|ion|heit|keit|schaft|tät|ik|ur|ie|in)$/.test(l)) return [plus(l, 'en')];
  // Nouns of persons ("Arbeiter", "Exporteur", "Präsident") have a feminine in "-in".
  const feminine = /(?:er|eur|or|ent|ant|at|ist)$/.test(l) ? ' in innen' : '';
  return [plus(l, 'e en n s es' + feminine)];
}

function deAdj(l: string): Paradigm[] {
  return [plus(l.endsWith('e') ? l.slice(0, -1) : l, 'e en er es em')];
}

/** Prefixes that take no "ge-" in the participle: "genehmigt", "unterzeichnet", "vereinbart". */
const DE_INSEPARABLE = /^(?:be|emp|ent|er|ge|miss|ver|zer|unter|über|hinter|wider)/;

/** "arbeitet", "unterzeichnete": an e before the t after d, t, or a consonant before m, n. */
const deE = (stem: string): string => (/(?:[dt]|[^aeioulr][mn])$/.test(stem) ? 'e' : '');

function deWeak(stem: string): Paradigm[] {
  return [plus(stem, 'en e end ende'), plus(stem + deE(stem), 't te ten')];
}

function deVerb(l: string): Paradigm[] {
  const stem = l.endsWith('en') ? l.slice(0, -2) : l.slice(0, -1);
  const ge = DE_INSEPARABLE.test(l) || stem.endsWith('ier') ? '' : 'ge';
  return [
    ...deWeak(stem),
    ...deAdj(ge + stem + deE(stem) + 't'),
    plus(ge + stem + deE(stem) + 't', '0'),
  ];
}

// ---- Swedish ----

function svNoun(l: string): Paradigm[] {
  const out = [plus(l, 'en n et t er ar na erna arna s ens ets ns ernas arnas nas')];
  // "gruva": "gruvan", "gruvor", "gruvorna".
  if (l.endsWith('a')) out.push(plus(l.slice(0, -1), 'or orna an ans ornas'));
  if (l.endsWith('e')) out.push(plus(l, 'r rna'));
  return out;
}

function svAdj(l: string): Paradigm[] {
  return [plus(l, 't a e are ast aste')];
}

function svVerb(l: string): Paradigm[] {
  const stem = l.endsWith('a') ? l.slice(0, -1) : l;
  return [plus(stem, 'ar er r ade at as ades ats ande de te t d da dd tt s ts dda tts ad')];
}

// ---- Dutch ----

/** "plan" → "plann-", "bedrijf" → "bedrijv-", "baan" → "ban-": the bases before an ending. */
function nlStems(l: string): string[] {
  const out = [l];
  if (/(?:^|[^aeiou])[aeiou][bdfgklmnprst]$/.test(l)) out.push(l + l.slice(-1));
  if (/([aeou])\1[^aeiou]$/.test(l)) out.push(l.slice(0, -3) + l.slice(-2));
  if (l.endsWith('f')) out.push(l.slice(0, -1) + 'v');
  if (l.endsWith('s')) out.push(l.slice(0, -1) + 'z');
  return out;
}

function nlNoun(l: string): Paradigm[] {
  return [plus(l, "s 's"), ...nlStems(l).map((s) => plus(s, 'en'))];
}

function nlAdj(l: string): Paradigm[] {
  return nlStems(l).map((s) => plus(s, 'e'));
}

function nlVerb(l: string): Paradigm[] {
  const inf = l.endsWith('en') ? l.slice(0, -2) : l.slice(0, -1);
  // "plannen" → "plan", "kopen" → "koop", "leven" → "leef": the stem as the present writes it.
  const stems = [inf];
  if (/([bdfgklmnprst])\1$/.test(inf)) stems.push(inf.slice(0, -1));
  else if (/(?:^|[^aeiou])[aeou][^aeiou]$/.test(inf)) {
    stems.push(inf.slice(0, -2) + inf.slice(-2, -1) + inf.slice(-2));
  }
  return stems.flatMap((s) => {
    const t = s.replace(/v$/, 'f').replace(/z$/, 's');
    return [plus(t, '0 t de den te ten'), plus('ge' + t, 'd t')];
  });
}

/** A separable verb ("an+kündigen", "goed+keuren"): the joined forms and the participle. */
function separable(prefix: string, verb: string, lang: Lang): Paradigm[] {
  const joined = (ps: Paradigm[]): Paradigm[] =>
    ps.map((p) => ({ base: prefix + p.base, endings: p.endings }));
  if (lang === 'de') {
    const stem = verb.endsWith('en') ? verb.slice(0, -2) : verb.slice(0, -1);
    const participle = prefix + 'ge' + stem + deE(stem) + 't';
    return [
      ...joined(deWeak(stem)),
      plus(prefix + 'zu' + verb, '0'),
      plus(participle, '0'),
      ...deAdj(participle),
    ];
  }
  if (lang === 'nl') return [...joined(nlVerb(verb)), plus(prefix + 'te' + verb, '0')];
  return joined(RULES[lang].v(verb));
}

const RULES: Record<Lang, LangRules> = {
  es: { n: esNoun, a: esAdj, v: esVerb },
  pt: { n: ptNoun, a: ptAdj, v: ptVerb },
  it: { n: itNoun, a: itAdj, v: itVerb },
  fr: { n: frNoun, a: frAdj, v: frVerb },
  de: { n: deNoun, a: deAdj, v: deVerb },
  sv: { n: svNoun, a: svAdj, v: svVerb },
  nl: { n: nlNoun, a: nlAdj, v: nlVerb },
};
