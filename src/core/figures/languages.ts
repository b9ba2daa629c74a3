/**
 * Figures in languages other than English: which pages write a decimal comma, and the few words
 * around a number that make it money, a percentage or a count on such a page. Lower-case keys
 * (the recognizer lower-cases the text before reading words); a key may hold a space ("mil
 * millones", "por ciento") or end in a dot ("Mrd.", "Mio.").
 *
 * Counts are read with the plural nouns listed here, whose units a story's claims use. Spanish,
 * Portuguese and French pages also count any plural noun told by its ending, with the words that
 * end so and count nothing ("12 años", "3 fois") listed in plural-nouns.ts; the other languages,
 * whose plurals have no such ending, count only the listed nouns.
 */

/** What the recognizer knows of one language. */
export interface LanguageWords {
  /** Scale words after the number, with their value ("millones" 1e6, "mil millones" 1e9). */
  scales: readonly (readonly [string, number])[];
  /** Percent words after the number ("por ciento"); "%" is known in every language. */
  percent: readonly string[];
  /**
   * Currency words after the number (and its scale), with their ISO 4217 code; `RUPEE` stands for
   * the page's rupee (PKR unless the page is Indian), `PESO` for the peso of the page's region (no
   * currency where the region has none: "pesos" alone does not say whose).
   */
  currencies: readonly (readonly [string, string])[];
  /** Words that may stand between the scale and the currency word ("millones de dólares", "d'euros"). */
  currencyPrepositions: readonly string[];
  /**
   * Plural nouns that make a number a count; the unit is the noun as written, lower-cased (see
   * plural-nouns.ts for the languages that count any plural).
   */
  counts: readonly string[];
  /** Qualifiers right before a figure, as in QUALIFIERS. */
  qualifiers: readonly (readonly [string, 'approx' | 'max' | 'min'])[];
  /**
   * Numbers written as one word ("trois", "elva", "doce"), read like digits: they make a figure
   * only with a scale, a percent, a currency or a listed count noun after them ("trois sessions",
   * "dix pour cent"). Words that are also the indefinite article ("un", "une", "en", "ett", "um")
   * are left out: "un emploi" is one job only in the way "a job" is. Compounds ("vingt-trois",
   * "treinta y dos") are not read.
   */
  numberWords?: readonly (readonly [string, number])[];
  /**
   * Determiners that before a small number in words make it refer to things already named ("les
   * deux pays": the two countries), as REFERENTIAL_BEFORE does in English.
   */
  determiners?: readonly string[];
  /** Turkish writes the percent sign before the number ("%5"). */
  percentBefore?: boolean;
}

/** The number words 2-20 and the tens, in the order of NUMBER_VALUES. */
const NUMBER_VALUES = [
  2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 30, 40, 50, 60, 70, 80, 90,
];

function numberWords(
  words: string,
  extra: readonly (readonly [string, number])[] = [],
): readonly (readonly [string, number])[] {
  const list = words.split(' ');
  if (list.length !== NUMBER_VALUES.length) throw new Error(`number words: ${words}`);
  return [...list.map((w, i) => [w, NUMBER_VALUES[i] as number] as const), ...extra];
}

export const RUPEE = 'RUPEE';
export const PESO = 'PESO';

/**
 * Languages whose pages write "2,5" for two and a half and group thousands with dots or spaces
 * ("40.000", "12 000"): most of continental Europe, Latin America, Indonesia, Turkey.
 */
export const DECIMAL_COMMA_LANGUAGES: ReadonlySet<string> = new Set([
  'de',
  'es',
  'fr',
  'it',
  'pt',
  'nl',
  'id',
  'tr',
  'da',
  'sv',
  'nb',
  'nn',
  'no',
  'pl',
  'ru',
  'uk',
  'be',
  'cs',
  'sk',
  'sl',
  'hr',
  'bs',
  'sr',
  'bg',
  'mk',
  'ro',
  'hu',
  'fi',
  'et',
  'lv',
  'lt',
  'el',
  'ca',
  'gl',
  'eu',
  'is',
  'sq',
  'az',
  'kk',
  'vi',
]);

/**
 * Regions whose Spanish writes a decimal point and comma groups like English ("1,250 millones",
 * "2.5%"): Mexico, the United States, Central America and the Spanish Caribbean.
 */
export const DECIMAL_POINT_REGIONS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['es', new Set(['mx', 'us', 'gt', 'hn', 'ni', 'sv', 'pa', 'do', 'pr', 'cu'])],
]);

const DOLLAR = 'USD';
const EURO = 'EUR';

export const LANGUAGE_WORDS: ReadonlyMap<string, LanguageWords> = new Map<string, LanguageWords>([
  [
    'es',
    {
      scales: [
        ['mil millones', 1e9],
        ['millones', 1e6],
        ['millón', 1e6],
        ['millon', 1e6],
        ['mil', 1e3],
        ['billones', 1e12],
        ['billón', 1e12],
      ],
      // A change of a rate in percentage points is a percent, as English reads "percentage points".
      percent: ['por ciento', 'puntos porcentuales', 'punto porcentual'],
      currencies: [
        ['dólares estadounidenses', DOLLAR],
        ['dólares australianos', 'AUD'],
        ['dólares canadienses', 'CAD'],
        ['dólares', DOLLAR],
        ['dolares', DOLLAR],
        ['dólar', DOLLAR],
        ['euros', EURO],
        ['euro', EURO],
        ['libras esterlinas', 'GBP'],
        ['reales', 'BRL'],
        ['rupias', RUPEE],
        ['pesos', PESO],
        ['peso', PESO],
        ['yuanes', 'CNY'],
      ],
      currencyPrepositions: ['de'],
      counts: [
        'empleos',
        'puestos de trabajo',
        'trabajadores',
        'empleados',
        'personas',
        'habitantes',
        'delegados',
        'participantes',
        'miembros',
        'estudiantes',
        'países',
        'naciones',
        'estados',
        'provincias',
        'ministros',
        'empresas',
        'familias',
        'hogares',
        'viviendas',
        'camiones',
        'vehículos',
        'toneladas',
        'onzas',
        'acuerdos',
        'memorandos',
        'proyectos',
        'minas',
        'sesiones',
        'reuniones',
      ],
      qualifiers: [
        ['alrededor de', 'approx'],
        ['cerca de', 'approx'],
        ['unos', 'approx'],
        ['unas', 'approx'],
        ['casi', 'approx'],
        ['aproximadamente', 'approx'],
        ['hasta', 'max'],
        ['menos de', 'max'],
        ['más de', 'min'],
        ['al menos', 'min'],
      ],
      numberWords: numberWords(
        'dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince ' +
          'dieciséis diecisiete dieciocho diecinueve veinte treinta cuarenta cincuenta sesenta ' +
          'setenta ochenta noventa',
        [['cien', 100]],
      ),
      determiners: [
        'los',
        'las',
        'estos',
        'estas',
        'esos',
        'esas',
        'ambos',
        'todos',
        'todas',
        'sus',
      ],
    },
  ],
  [
    'fr',
    {
      scales: [
        ['milliards', 1e9],
        ['milliard', 1e9],
        ['mds', 1e9],
        ['md', 1e9],
        ['millions', 1e6],
        ['million', 1e6],
        ['mille', 1e3],
        // "billion" is a million million in French.
        ['billions', 1e12],
        ['billion', 1e12],
      ],
      percent: ['pour cent', 'pourcent', 'points de pourcentage', 'point de pourcentage'],
      currencies: [
        ['dollars américains', DOLLAR],
        ['dollars canadiens', 'CAD'],
        ['dollars australiens', 'AUD'],
        ['dollars', DOLLAR],
        ['dollar', DOLLAR],
        ['euros', EURO],
        ['euro', EURO],
        ['livres sterling', 'GBP'],
        ['francs suisses', 'CHF'],
        ['roupies', RUPEE],
        ['yuans', 'CNY'],
      ],
      currencyPrepositions: ['de', "d'"],
      counts: [
        'emplois',
        'postes',
        'travailleurs',
        'salariés',
        'employés',
        'personnes',
        'habitants',
        'délégués',
        'participants',
        'membres',
        'étudiants',
        'pays',
        'nations',
        'états',
        'provinces',
        'ministres',
        'entreprises',
        'sociétés',
        'familles',
        'ménages',
        'logements',
        'camions',
        'véhicules',
        'tonnes',
        'onces',
        'accords',
        'projets',
        'mines',
        'sessions',
        'réunions',
      ],
      qualifiers: [
        ['environ', 'approx'],
        ['près de', 'approx'],
        ['quelque', 'approx'],
        ["jusqu'à", 'max'],
        ['moins de', 'max'],
        ['plus de', 'min'],
        ['au moins', 'min'],
      ],
      numberWords: numberWords(
        'deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize ' +
          'dix-sept dix-huit dix-neuf vingt trente quarante cinquante soixante soixante-dix ' +
          'quatre-vingts quatre-vingt-dix',
        [['cent', 100]],
      ),
      determiners: ['les', 'ces', 'tous', 'toutes', 'leurs', 'ses', 'nos'],
    },
  ],
  [
    'de',
    {
      scales: [
        ['tausend', 1e3],
        ['tsd.', 1e3],
        ['tsd', 1e3],
        ['millionen', 1e6],
        ['million', 1e6],
        ['mio.', 1e6],
        ['mio', 1e6],
        ['milliarden', 1e9],
        ['milliarde', 1e9],
        ['mrd.', 1e9],
        ['mrd', 1e9],
        // "Billion" is a million million in German.
        ['billionen', 1e12],
        ['billion', 1e12],
        ['bio.', 1e12],
      ],
      percent: ['prozent', 'prozentpunkte', 'prozentpunkten', 'prozentpunkt'],
      currencies: [
        ['us-dollar', DOLLAR],
        ['dollar', DOLLAR],
        ['euro', EURO],
        ['schweizer franken', 'CHF'],
        ['franken', 'CHF'],
        ['pfund sterling', 'GBP'],
        ['pfund', 'GBP'],
        ['rupien', RUPEE],
        ['yuan', 'CNY'],
      ],
      currencyPrepositions: [],
      counts: [
        'arbeitsplätze',
        'jobs',
        'stellen',
        'beschäftigte',
        'mitarbeiter',
        'mitarbeitende',
        'arbeiter',
        'arbeitskräfte',
        'menschen',
        'personen',
        'einwohner',
        'länder',
        'staaten',
        'minister',
        'unternehmen',
        'firmen',
        'familien',
        'haushalte',
        'delegierte',
        'teilnehmer',
        'mitglieder',
        'bundesstaaten',
        'lastwagen',
        'lkw',
        'fahrzeuge',
        'tonnen',
        'unzen',
        'abkommen',
        'vereinbarungen',
        'projekte',
        'sitzungen',
      ],
      qualifiers: [
        ['rund', 'approx'],
        ['etwa', 'approx'],
        ['ungefähr', 'approx'],
        ['knapp', 'approx'],
        ['bis zu', 'max'],
        ['mehr als', 'min'],
        ['über', 'min'],
      ],
      numberWords: numberWords(
        'zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn ' +
          'sechzehn siebzehn achtzehn neunzehn zwanzig dreißig vierzig fünfzig sechzig siebzig ' +
          'achtzig neunzig',
        [['hundert', 100]],
      ),
      determiners: ['die', 'diese', 'beiden', 'alle', 'ihre', 'seine'],
    },
  ],
  [
    'it',
    {
      scales: [
        ['mila', 1e3],
        ['milioni', 1e6],
        ['milione', 1e6],
        ['mln', 1e6],
        ['miliardi', 1e9],
        ['miliardo', 1e9],
        ['mld.', 1e9],
        ['mld', 1e9],
      ],
      percent: ['per cento', 'percento', 'punti percentuali', 'punto percentuale'],
      currencies: [
        ['dollari', DOLLAR],
        ['dollaro', DOLLAR],
        ['euro', EURO],
        ['sterline', 'GBP'],
        ['franchi svizzeri', 'CHF'],
        ['rupie', RUPEE],
      ],
      currencyPrepositions: ['di'],
      counts: [
        'posti di lavoro',
        'lavoratori',
        'dipendenti',
        'persone',
        'abitanti',
        'paesi',
        'nazioni',
        'ministri',
        'aziende',
        'imprese',
        'famiglie',
        'nuclei familiari',
        'delegati',
        'partecipanti',
        'membri',
        'studenti',
        'stati',
        'camion',
        'veicoli',
        'tonnellate',
        'once',
        'accordi',
        'progetti',
        'miniere',
        'sessioni',
        'riunioni',
      ],
      qualifiers: [
        ['circa', 'approx'],
        ['quasi', 'approx'],
        ['fino a', 'max'],
        ['oltre', 'min'],
        ['più di', 'min'],
      ],
      numberWords: numberWords(
        'due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici ' +
          'quindici sedici diciassette diciotto diciannove venti trenta quaranta cinquanta ' +
          'sessanta settanta ottanta novanta',
        [['cento', 100]],
      ),
      determiners: ['i', 'gli', 'le', 'questi', 'queste', 'entrambi', 'tutti', 'tutte'],
    },
  ],
  [
    'pt',
    {
      scales: [
        // Portugal writes "mil milhões" and "biliões"; Brazil "bilhões" and "trilhões".
        ['mil milhões', 1e9],
        ['milhões', 1e6],
        ['milhoes', 1e6],
        ['milhão', 1e6],
        ['milhao', 1e6],
        ['bilhões', 1e9],
        ['bilhoes', 1e9],
        ['bilhão', 1e9],
        ['bilhao', 1e9],
        ['trilhões', 1e12],
        ['trilhão', 1e12],
        ['biliões', 1e12],
        ['bilião', 1e12],
        ['mil', 1e3],
      ],
      percent: ['por cento', 'pontos percentuais', 'ponto percentual'],
      currencies: [
        ['reais', 'BRL'],
        ['real', 'BRL'],
        ['dólares', DOLLAR],
        ['dólar', DOLLAR],
        ['euros', EURO],
        ['euro', EURO],
        ['rupias', RUPEE],
        // Mozambique and Angola write in Portuguese.
        ['meticais', 'MZN'],
        ['metical', 'MZN'],
        ['kwanzas', 'AOA'],
        ['rands', 'ZAR'],
      ],
      currencyPrepositions: ['de'],
      counts: [
        'empregos',
        'postos de trabalho',
        'trabalhadores',
        'funcionários',
        'empregados',
        'colaboradores',
        'pessoas',
        'habitantes',
        'moradores',
        'delegados',
        'participantes',
        'membros',
        'estudantes',
        'alunos',
        'países',
        'nações',
        'estados',
        'províncias',
        'distritos',
        'ministros',
        'empresas',
        'famílias',
        'agregados familiares',
        'agregados',
        'casas',
        'camiões',
        'caminhões',
        'viaturas',
        'veículos',
        'toneladas',
        'onças',
        'acordos',
        'memorandos',
        'projetos',
        'projectos',
        'minas',
        'sessões',
        'reuniões',
      ],
      qualifiers: [
        ['cerca de', 'approx'],
        ['quase', 'approx'],
        ['aproximadamente', 'approx'],
        ['até', 'max'],
        ['menos de', 'max'],
        ['mais de', 'min'],
        ['pelo menos', 'min'],
      ],
      numberWords: numberWords(
        'dois três quatro cinco seis sete oito nove dez onze doze treze catorze quinze ' +
          'dezasseis dezassete dezoito dezanove vinte trinta quarenta cinquenta sessenta setenta ' +
          'oitenta noventa',
        [
          ['duas', 2],
          ['quatorze', 14],
          ['dezesseis', 16],
          ['dezessete', 17],
          ['dezenove', 19],
          ['cem', 100],
        ],
      ),
      determiners: [
        'os',
        'as',
        'estes',
        'estas',
        'esses',
        'essas',
        'ambos',
        'ambas',
        'todos',
        'todas',
      ],
    },
  ],
  [
    'nl',
    {
      scales: [
        ['duizend', 1e3],
        ['miljoen', 1e6],
        ['mln.', 1e6],
        ['mln', 1e6],
        ['miljard', 1e9],
        ['mld.', 1e9],
        ['mld', 1e9],
      ],
      percent: ['procent'],
      currencies: [
        ['euro', EURO],
        ['dollar', DOLLAR],
        ['pond', 'GBP'],
      ],
      currencyPrepositions: [],
      counts: [
        'banen',
        'arbeidsplaatsen',
        'werknemers',
        'mensen',
        'personen',
        'inwoners',
        'landen',
        'ministers',
        'bedrijven',
        'gezinnen',
        'huishoudens',
        'akkoorden',
      ],
      qualifiers: [
        ['ongeveer', 'approx'],
        ["zo'n", 'approx'],
        ['tot', 'max'],
        ['meer dan', 'min'],
      ],
    },
  ],
  [
    'id',
    {
      scales: [
        ['ribu', 1e3],
        ['juta', 1e6],
        ['miliar', 1e9],
        ['triliun', 1e12],
      ],
      percent: ['persen'],
      currencies: [
        ['dolar as', DOLLAR],
        ['dolar', DOLLAR],
        ['rupiah', 'IDR'],
        ['euro', EURO],
      ],
      currencyPrepositions: [],
      counts: ['orang', 'pekerja', 'negara', 'lapangan kerja'],
      qualifiers: [
        ['sekitar', 'approx'],
        ['hingga', 'max'],
        ['lebih dari', 'min'],
      ],
    },
  ],
  [
    'tr',
    {
      scales: [
        ['bin', 1e3],
        ['milyon', 1e6],
        ['milyar', 1e9],
        ['trilyon', 1e12],
      ],
      percent: [],
      currencies: [
        ['dolar', DOLLAR],
        ['euro', EURO],
        ['avro', EURO],
        ['lira', 'TRY'],
        ['tl', 'TRY'],
      ],
      currencyPrepositions: [],
      counts: ['kişi', 'işçi', 'ülke'],
      qualifiers: [],
      percentBefore: true,
    },
  ],
  [
    'da',
    {
      scales: [
        ['tusind', 1e3],
        ['millioner', 1e6],
        ['million', 1e6],
        ['mio.', 1e6],
        ['mio', 1e6],
        ['milliarder', 1e9],
        ['milliard', 1e9],
        ['mia.', 1e9],
        ['mia', 1e9],
      ],
      percent: ['procent'],
      currencies: [
        ['kroner', 'DKK'],
        ['kr.', 'DKK'],
        ['kr', 'DKK'],
        ['euro', EURO],
        ['dollar', DOLLAR],
      ],
      currencyPrepositions: [],
      counts: ['arbejdspladser', 'personer', 'mennesker', 'lande'],
      qualifiers: [],
    },
  ],
  [
    'sv',
    {
      scales: [
        ['tusen', 1e3],
        ['miljoner', 1e6],
        ['miljon', 1e6],
        ['miljarder', 1e9],
        ['miljard', 1e9],
        ['mdr', 1e9],
      ],
      percent: ['procent'],
      currencies: [
        ['kronor', 'SEK'],
        ['kr', 'SEK'],
        ['euro', EURO],
        ['dollar', DOLLAR],
      ],
      currencyPrepositions: [],
      counts: [
        'jobb',
        'arbetstillfällen',
        'arbetare',
        'anställda',
        'medarbetare',
        'personer',
        'människor',
        'invånare',
        'delegater',
        'deltagare',
        'medlemmar',
        'studenter',
        'länder',
        'stater',
        'nationer',
        'ministrar',
        'företag',
        'bolag',
        'familjer',
        'hushåll',
        'bostäder',
        'lastbilar',
        'fordon',
        // Swedish writes the metric tonne "ton".
        'ton',
        'avtal',
        'överenskommelser',
        'projekt',
        'gruvor',
        'sessioner',
        'möten',
      ],
      qualifiers: [
        ['cirka', 'approx'],
        ['ca', 'approx'],
        ['omkring', 'approx'],
        ['ungefär', 'approx'],
        ['runt', 'approx'],
        ['nästan', 'approx'],
        ['närmare', 'approx'],
        ['upp till', 'max'],
        ['högst', 'max'],
        ['under', 'max'],
        ['drygt', 'min'],
        ['över', 'min'],
        ['mer än', 'min'],
        ['minst', 'min'],
      ],
      numberWords: numberWords(
        'två tre fyra fem sex sju åtta nio tio elva tolv tretton fjorton femton sexton sjutton ' +
          'arton nitton tjugo trettio fyrtio femtio sextio sjuttio åttio nittio',
        [['hundra', 100]],
      ),
      determiners: ['de', 'dessa', 'båda', 'alla', 'sina', 'deras'],
    },
  ],
  [
    'nb',
    {
      scales: [
        ['tusen', 1e3],
        ['millioner', 1e6],
        ['million', 1e6],
        ['mill.', 1e6],
        ['milliarder', 1e9],
        ['milliard', 1e9],
        ['mrd.', 1e9],
        ['mrd', 1e9],
      ],
      percent: ['prosent'],
      currencies: [
        ['kroner', 'NOK'],
        ['kr.', 'NOK'],
        ['kr', 'NOK'],
        ['euro', EURO],
        ['dollar', DOLLAR],
      ],
      currencyPrepositions: [],
      counts: ['arbeidsplasser', 'jobber', 'personer', 'mennesker'],
      qualifiers: [],
    },
  ],
  [
    'pl',
    {
      scales: [
        ['tys.', 1e3],
        ['tys', 1e3],
        ['mln', 1e6],
        ['milionów', 1e6],
        ['miliony', 1e6],
        ['milion', 1e6],
        ['mld', 1e9],
        ['miliardów', 1e9],
        ['miliardy', 1e9],
        ['miliard', 1e9],
      ],
      percent: ['procent', 'proc.'],
      currencies: [
        ['złotych', 'PLN'],
        ['zł', 'PLN'],
        ['euro', EURO],
        ['dolarów', DOLLAR],
      ],
      currencyPrepositions: [],
      counts: ['miejsc pracy', 'osób', 'pracowników', 'krajów'],
      qualifiers: [],
    },
  ],
  [
    'ru',
    {
      scales: [
        ['тыс.', 1e3],
        ['тыс', 1e3],
        ['млн', 1e6],
        ['миллионов', 1e6],
        ['миллиона', 1e6],
        ['миллион', 1e6],
        ['млрд', 1e9],
        ['миллиардов', 1e9],
        ['миллиарда', 1e9],
        ['миллиард', 1e9],
        ['трлн', 1e12],
      ],
      percent: ['процентов', 'процента', 'процент'],
      currencies: [
        ['долларов', DOLLAR],
        ['доллара', DOLLAR],
        ['рублей', 'RUB'],
        ['руб.', 'RUB'],
        ['евро', EURO],
      ],
      currencyPrepositions: [],
      counts: ['рабочих мест', 'человек', 'стран'],
      qualifiers: [],
    },
  ],
]);

/** Norwegian is written Bokmål (nb) or Nynorsk (nn); "no" names either. */
export const LANGUAGE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['no', 'nb'],
  ['nn', 'nb'],
]);

/** Currency signs written after the number on these pages ("12 €", "3,5 Mrd. €"). */
export const CURRENCY_SIGNS_AFTER: ReadonlyMap<string, string> = new Map([
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['$', 'USD'],
  ['₽', 'RUB'],
]);

/** ISO codes written after the number ("3,5 Mrd. EUR"). */
export const CURRENCY_CODES_AFTER: readonly string[] = [
  'usd',
  'eur',
  'gbp',
  'chf',
  'brl',
  'inr',
  'pkr',
  'cny',
  'jpy',
];
