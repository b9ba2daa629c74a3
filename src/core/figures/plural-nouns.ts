/**
 * Counts on pages in languages whose plural nouns can be told by their ending (Spanish,
 * Portuguese, French: "52.318 espectadores", "180 mil barris", "1 146 avions", "29 845 voix"), as
 * English counts are read by their plural noun (recognize.ts readCountNoun) rather than from a
 * list of nouns. The listed count nouns of languages.ts still come first (their units are the
 * ones a story's claims use); this reads the rest, which the labelling rules count too ("a
 * number of things, with the plural noun that names them").
 *
 * An ending alone would also read "12 años" or "3 fois" as counts: durations, measures, money,
 * points and the function words that end so are listed as counting nothing. In these languages
 * only a noun written in lower case counts: a capitalized word after a number is a name or a title
 * ("Los 40 Principales") more often than a count.
 *
 * German capitalizes every noun, so there the noun is capitalized ("40.000 Besucher", "29
 * Stimmen", "25 zusätzliche Straßenbahnen"). Its plurals end in -e, -n, -r or -s, which leaves out
 * most singular nouns that follow a number without counting anything: a reference's next word
 * ("Linie 11 Richtung Zentrum", "Artikel 5 Absatz 2"), an abstract noun in -ung, -heit, -keit,
 * -tät, -ion. The other languages, whose plurals have no such ending, keep their lists alone.
 */

export interface PluralRule {
  /** The last letters a plural noun may end with. */
  readonly endings: RegExp;
  /** Nouns are written with a capital (German): only a capitalized word is a noun. */
  readonly capitalized: boolean;
  /** Words with such an ending that name nothing counted, or are no noun. */
  readonly notCounted: ReadonlySet<string>;
  /** Adjectives written before the noun they qualify ("nuevos empleos", "nouveaux emplois"). */
  readonly beforeNoun: ReadonlySet<string>;
}

// A plural noun is at least this long: shorter words ending in -s are function words ("os", "as",
// "es") or abbreviations.
const MIN_NOUN_LENGTH = 4;

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

// What every one of these languages writes after a number without counting things: units of
// time, distance, area, weight by volume and temperature (LABELLING.md: durations and distances
// are no figures), points (a score or a poll's percentage points: neither is a count of things),
// money and scales (read before a count is looked for; listed should they not be), months and
// weekdays that end so (a date's day number: "15 mars", "viernes"), and function words.
const SPANISH = {
  endings: /s$/,
  notCounted: words(`
    años anos meses días dias horas minutos segundos semanas décadas decadas siglos
    metros kilómetros kilometros centímetros milímetros kms millas pies pulgadas hectáreas
    kilos kilogramos gramos litros grados puntos veces
    euros dólares dolares pesos reales libras yuanes rupias céntimos centavos
    millones billones
    las los unos unas más mas menos tras después despues antes mientras pues además ademas
    entonces sus mis tus nuestros nuestras estos estas esos esas aquellos aquellas otros otras
    todos todas varios varias algunos algunas muchos muchas pocos pocas ambos ambas cuantos
    dos tres seis diez primeros primeras últimos ultimos últimas ultimas demás
    respectivamente lunes martes miércoles miercoles jueves viernes
  `),
  capitalized: false,
  beforeNoun: words(`nuevos nuevas grandes principales pequeños pequeñas antiguos antiguas
    primeros últimos mejores peores distintos distintas diferentes diversos diversas`),
};

const PORTUGUESE = {
  endings: /s$/,
  notCounted: words(`
    anos meses dias horas minutos segundos semanas décadas decadas séculos seculos
    metros quilômetros quilómetros quilometros centímetros milímetros kms milhas pés polegadas
    hectares quilos quilogramas gramas litros graus pontos vezes
    euros dólares dolares reais libras yuans rupias centavos
    milhões milhoes bilhões bilhoes
    dos das nos nas aos pelos pelas seus suas meus minhas mais menos depois antes apenas
    todos todas outros outras vários varios várias varias alguns algumas muitos muitas poucos
    poucas ambos ambas três tres dois duas seis dez primeiros primeiras últimos ultimos
    últimas ultimas demais respectivamente
  `),
  capitalized: false,
  beforeNoun: words(`novos novas grandes principais pequenos pequenas antigos antigas
    primeiros últimos melhores piores diferentes diversos diversas`),
};

const FRENCH = {
  endings: /[sx]$/,
  notCounted: words(`
    ans années annees mois jours heures minutes secondes semaines décennies siècles siecles
    mètres metres kilomètres kilometres centimètres millimètres kms milles pieds pouces hectares
    kilos kilogrammes grammes litres degrés degres points fois
    euros dollars livres francs yuans roupies centimes
    millions milliards
    les des ses ces mes tes nos vos leurs aux eux plus moins dans sous vers après apres près
    pres très tres depuis puis mais alors jamais toujours dès des pas tous toutes plusieurs
    quelques autres mêmes memes certains certaines divers diverses nombreux nombreuses lors
    ailleurs désormais desormais tandis hors envers sans deux trois six dix premiers premières
    derniers dernières respectivement environ mars
  `),
  capitalized: false,
  beforeNoun: words(`nouveaux nouvelles grands grandes principaux principales petits petites
    anciens anciennes premiers derniers meilleurs différents differents divers diverses`),
};

// German: units and measures (a measure takes the singular after a number, "100 Meter", "5
// Kilo", but many look plural), durations and dates ("15 Uhr", "mit 45 Jahren", "3 Oktober"
// without its dot), money and scales, points, and the capitalized function words that open a
// sentence a number ends without a stop. Before the noun, the adjectives reports write there
// ("25 zusätzliche Straßenbahnen", "500 neue Stellen"), in their declined forms. (Tonnes count,
// LABELLING.md: the listed count nouns, read first, have them.)
const GERMAN = {
  endings: /[enrs]$/,
  capitalized: true,
  notCounted: words(`
    Jahre Jahren Monate Monaten Wochen Tage Tagen Stunden Minuten Sekunden Jahrzehnte
    Jahrzehnten Jahrhunderte Jahrhunderten Uhr Male Mal
    Meter Metern Kilometer Kilometern Zentimeter Millimeter Quadratmeter Quadratmetern
    Kubikmeter Hektar Liter Litern Grad Promille Punkte Punkten Prozentpunkte Prozentpunkten
    Kilowattstunden Megawattstunden Gigawattstunden Terawattstunden
    Euro Dollar Franken Rupien Cents Millionen Milliarden Billionen Tausende Hunderte
    Januar Februar September Oktober November Dezember
    Die Der Den Des Dem Das Sie Er Es Wir Ihr Ihre Ihren Ihrer Seine Seinen Seiner Diese
    Dieser Diesen Dieses Eine Einen Einer Keine Keinen Alle Allen Aber Oder Wer Wenn Denn
    Dann Danach Nun Nur Mehr Weniger Andere Anderen Unser Unsere
  `),
  beforeNoun: words(`
    neue neuen neuer weitere weiteren weiterer zusätzliche zusätzlichen zusätzlicher
    ehemalige ehemaligen große großen kleine kleinen verschiedene verschiedenen
    eigene eigenen deutsche deutschen ausländische ausländischen heimische heimischen
    festangestellte festangestellten befristete befristeten freiwillige freiwilligen
  `),
};

/** The rule of a language (its primary tag after aliases), or null where plurals are listed only. */
export const PLURAL_RULES: ReadonlyMap<string, PluralRule> = new Map([
  ['es', SPANISH],
  ['pt', PORTUGUESE],
  ['fr', FRENCH],
  ['de', GERMAN],
]);

// The next word after a space: letters, with the apostrophes and hyphens inside a word.
const NEXT_WORD = / ([\p{L}][\p{L}'’-]*)(?![\p{L}\p{N}])/uy;

function wordAt(text: string, pos: number): { word: string; end: number } | null {
  NEXT_WORD.lastIndex = pos;
  const m = NEXT_WORD.exec(text);
  if (m === null) return null;
  const word = m[1] as string;
  return { word, end: pos + 1 + word.length };
}

function isPlural(word: string, rule: PluralRule): boolean {
  return (
    (rule.capitalized ? isCapitalized(word) : word === word.toLowerCase()) &&
    word.length >= MIN_NOUN_LENGTH &&
    rule.endings.test(word) &&
    !rule.notCounted.has(word)
  );
}

/** A capital, then lower case: a German noun ("Besucher"), not an acronym ("EU", "VW"). */
function isCapitalized(word: string): boolean {
  const first = word.charAt(0);
  const rest = word.slice(1);
  return (
    first !== first.toLowerCase() && rest === rest.toLowerCase() && rest !== rest.toUpperCase()
  );
}

/**
 * The plural noun a number at `pos` counts ("38.000 abonados", "2 000 nouvelles embauches"), with
 * the end of the figure and its unit (the noun as written), or null. `text` is the
 * block's text in its own case.
 */
export function pluralCount(
  text: string,
  pos: number,
  rule: PluralRule,
): { end: number; unit: string } | null {
  const first = wordAt(text, pos);
  if (first === null) return null;
  if (rule.beforeNoun.has(first.word)) {
    const second = wordAt(text, first.end);
    if (second !== null && isPlural(second.word, rule)) {
      return { end: second.end, unit: second.word };
    }
  }
  return isPlural(first.word, rule) ? { end: first.end, unit: first.word } : null;
}
