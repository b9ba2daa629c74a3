/**
 * Words of Spanish, French, Portuguese, Italian, German, Swedish and Dutch news pages, to the English
 * word a source would use, so that a page in those languages matches the claims of an English fact
 * base (terms.ts then reads the English word as it reads any English word: stem, synonym group).
 * The vocabulary is the general vocabulary of economic, financial, mining, trade and diplomatic
 * news — lending, stakes, jobs, costs, output, meetings, months — never any one story's names or
 * figures.
 *
 * Design:
 * - One line a concept: the English word, its part of speech, then each language's lemmas as a
 *   dictionary writes them. foreign-stem.ts gives each lemma's regular inflections as a base and
 *   its endings ("aprob" + "ó", "ado", "aron"…; "Anteil" + "e", "en"; "godkänn" + "er"). A word is
 *   looked up by cutting an ending off its folded (accent-free) form and finding a base of the
 *   lexicon that takes that ending: only whole forms of a lemma match, so no foreign stem swallows a
 *   word it was not made from ("production" is not "produc-" + anything).
 * - Notation of a lemma: `word!` is that form only (irregular forms, and words whose regular forms
 *   would be other words); `pre+verb` a separable verb ("an+kündigen": "ankündigen",
 *   "angekündigt"); `word/n`, `word/a`, `word/v` give the lemma its own part of speech; `-word` a
 *   compound head only ("-mine": German "Kupfermine", never "Mine", which English writes too).
 * - German, Swedish and Dutch write compounds in one word ("Gesamtkosten", "guldgruvan",
 *   "mijnbouwbedrijf"): a word of theirs not in the lexicon is read by its head, a noun of the
 *   lexicon it ends with, when what comes before is a noun or adjective of theirs in the lexicon
 *   (or a usual first word: COMPOUND_WORDS), with its joint ("Arbeits-").
 * - English text reads exactly as it did without this module: a form that an English word spells
 *   (NOT_FOREIGN: "accord", "plant", "fond", "salt") is read as English when written so, and a form
 *   written as its own English word ("production", "total", "export") is left to the English path.
 * - Two readings of one form: the surer (see WRITTEN) is taken; of two as sure, neither, unless the
 *   accents as written tell them apart.
 * - German writes every noun with a capital, so a German form says that its capital is no name's
 *   (terms.ts reads "Finanzierung" mid-sentence as financing, not as a name); in the other languages
 *   a capital mid-sentence is a name's, read as English reads names.
 *
 * tokenize() takes no language, so every language's forms are looked up on every page: the
 * languages share one lexicon, and a form two languages spell alike takes one reading ("ano":
 * Portuguese year, and Spanish "año" without its tilde).
 */
import {
  fold,
  formsOf,
  LANGS,
  MIN_GENERATED,
  paradigmsOf,
  type Lang,
  type Pos,
} from './foreign-stem';

// ---- The lexicon ----
// Each line: `english pos | lang lemma lemma … | lang …`. pos: n noun, a adjective (and nouns of
// people, which take a gender: "ministro", "ministra"), v verb, x forms as written (no inflection).

const FINANCE = `
loan n | es préstamo crédito | fr prêt emprunt crédit | pt empréstimo crédito | it prestito credito | de Darlehen Kredit Kreditzusage | sv lån kredit | nl lening krediet
lend v | es prestar | fr prêter | pt emprestar | it prestare | de leihen! leiht! lieh! liehen! geliehen! verleihen! verleiht! verlieh! verliehen! | sv låna | nl lenen! leent! leende! leenden! geleend! uitlenen! uitgeleend!
lender a | es prestamista acreedor | fr prêteur créancier | pt credor financiador | it prestatore creditore finanziatore | de Kreditgeber/n Geldgeber/n Gläubiger/n | sv långivare/n kreditgivare/n | nl kredietverstrekker/n geldschieter/n
borrower a | es prestatario | fr emprunteur | pt mutuário tomador | it mutuatario | de Kreditnehmer/n | sv låntagare/n | nl kredietnemer/n
financing n | es financiación financiamiento | fr financement | pt financiamento | it finanziamento | de Finanzierung Förderkredit | sv finansiering | nl financiering
finance v | es financiar | fr financer | pt financiar | it finanziare | de finanzieren | sv finansiera | nl financieren
financial a | es financiero | fr financier | pt financeiro | it finanziario | de finanziell | sv finansiell | nl financieel
fund n | es fondo | fr fonds | pt fundo | it fondo | de Fonds | sv fond | nl fonds
support n | es apoyo respaldo | fr soutien appui | pt apoio respaldo | it sostegno appoggio supporto | de Unterstützung | sv stöd | nl steun ondersteuning
support v | es apoyar respaldar | fr soutenir! soutient! soutiennent! soutenu! soutenue! soutenus! soutenues! soutiendra! soutiendront! soutenait! appuyer appuie! appuient! | pt apoiar respaldar | it sostenere! sostiene! sostengono! sostenuto! sostenuta! sostenuti! sostenute! sosterrà! appoggiare supportare | de unterstützen | sv stödja! stöder! stödde! stött! stötta | nl steunen ondersteunen
mobilise v | es movilizar | fr mobiliser | pt mobilizar | it mobilitare | de mobilisieren | sv mobilisera | nl mobiliseren
mobilisation n | es movilización | fr mobilisation | pt mobilização | it mobilitazione | de Mobilisierung | sv mobilisering | nl mobilisatie
letter n | es carta | fr lettre | pt carta | it lettera | sv brev
interest n | es interés | fr intérêt | pt interesse | it interesse | de Interesse | sv intresse | nl interesse belangstelling
approve v | es aprobar aprueba! aprueban! apruebe! aprueben! autorizar | fr approuver autoriser valider | pt aprovar autorizar | it approvare autorizzare | de genehmigen bewilligen | sv godkänna! godkänner! godkände! godkänt! godkänd! godkända! godkänns! godkändes! godkänts! bevilja | nl goed+keuren keurt! autoriseren
approval n | es aprobación autorización | fr approbation autorisation | pt aprovação autorização | it approvazione autorizzazione | de Genehmigung Zustimmung Bewilligung Freigabe | sv godkännande | nl goedkeuring
guarantee n | es garantía aval | fr garantie | pt garantia | it garanzia | de Garantie Bürgschaft | sv garanti | nl garantie
guarantee v | es garantizar avalar | fr garantir | pt garantir | it garantire | de garantieren | sv garantera | nl garanderen
insurance n | it assicurazione | de Versicherung | sv försäkring | nl verzekering
subsidy n | es subvención subsidio | fr subvention | pt subsídio subvenção | it sovvenzione | de Subvention Zuschuss | sv subvention bidrag | nl subsidie
debt n | es deuda | fr dette | pt dívida | it debito | de Schuld | sv skuld | nl schuld
capital n | it capitale | de Kapital | sv kapital | nl kapitaal
budget n | es presupuesto | pt orçamento | it bilancio | de Haushalt
bank n | es banco banca | fr banque | pt banco | it banca | de Bank | sv bank | nl bank
investment n | es inversión | fr investissement | pt investimento | it investimento | de Investition | sv investering | nl investering
invest v | es invertir invierte! invierten! invirtió! invirtieron! invierta! | fr investir | pt investir | it investire | de investieren | sv investera | nl investeren
investors a | es inversor inversionista | fr investisseur | pt investidor | it investitore | de Investor/n Anleger/n | sv investerare/n | nl investeerder/n
revenue n | es ingreso recaudación | fr recette revenu | pt receita faturamento | it ricavo entrata fatturato | de Einnahme Umsatz Erlös | sv intäkt inkomst omsättning | nl inkomsten! omzet opbrengst
profit n | es ganancia utilidad | fr bénéfice | pt lucro | it profitto | de Gewinn | sv vinst | nl winst
benefit n | es beneficio | fr avantage | pt benefício | it beneficio vantaggio | de Vorteil | sv fördel nytta | nl voordeel
benefit v | es beneficiar | fr bénéficier | pt beneficiar | it beneficiare | de profitieren | sv gynna | nl profiteren
price n | es precio | fr prix | pt preço | it prezzo | de Preis | sv pris | nl prijs
market n | es mercado | fr marché | pt mercado | it mercato | de Markt | sv marknad | nl markt
demand n | es demanda | fr demande | pt demanda procura | it domanda | de Nachfrage | sv efterfrågan
`;

const DEALS = `
agreement n | es acuerdo convenio pacto | fr entente pacte | pt acordo convênio pacto | it accordo intesa patto | de Abkommen Vereinbarung Übereinkunft | sv avtal överenskommelse | nl akkoord overeenkomst
memorandum n | es memorando memorándum protocolo | fr protocole | pt memorando protocolo | it protocollo | de Absichtserklärung | sv samförståndsavtal
understanding n | es entendimiento | fr compréhension | pt entendimento | de Verständigung | sv samförstånd | nl overeenstemming
deal n | es trato | pt negócio | it affare | de Geschäft | sv affär uppgörelse | nl transactie
contract n | es contrato | fr contrat | pt contrato | it contratto | de Vertrag Auftrag | sv kontrakt | nl opdracht
sign v | es firmar! firmó! firmaron! firmado! firmada! firmados! firmadas! firmará! firmarán! firmando! firman! firmaba! suscribir suscrito! suscrita! | fr signer | pt assinar | it firmare! firmato! firmata! firmati! firmate! firmano! firmerà! firmeranno! firmando! sottoscrivere sottoscritto! sottoscritta! | de unterzeichnen unterschreiben! unterschreibt! unterschrieb! unterschrieben! | sv underteckna | nl ondertekenen ondertekend! tekenen
signing n | fr signature | pt assinatura | it sottoscrizione | de Unterzeichnung | sv undertecknande | nl ondertekening
announce v | es anunciar | fr annoncer | pt anunciar | it annunciare | de an+kündigen bekanntgeben! bekanntgegeben! bekanntgab! verkünden | sv meddela tillkännage! tillkännager! tillkännagav! tillkännagett! tillkännages! annonsera | nl aan+kondigen bekendmaken! bekendgemaakt!
announcement n | es anuncio | fr annonce | pt anúncio | it annuncio | de Ankündigung Bekanntgabe | sv tillkännagivande besked | nl aankondiging bekendmaking
statement n | es declaración comunicado | fr communiqué | pt declaração comunicado | it dichiarazione comunicato | de Erklärung Mitteilung | sv uttalande pressmeddelande | nl verklaring
negotiations n | es negociación | fr négociation | pt negociação | it negoziato trattativa | de Verhandlung | sv förhandling | nl onderhandeling
negotiate v | es negociar | fr négocier | pt negociar | it negoziare | de verhandeln | sv förhandla | nl onderhandelen
partner a | es socio | fr partenaire | pt parceiro sócio | it socio
partnership n | es asociación alianza | fr partenariat | pt parceria | it partenariato | de Partnerschaft | sv partnerskap | nl partnerschap
cooperation n | es cooperación colaboración | fr coopération | pt cooperação colaboração | it cooperazione collaborazione | de Zusammenarbeit Kooperation | sv samarbete | nl samenwerking
venture n | fr coentreprise | de Gemeinschaftsunternehmen | sv samriskföretag
sale n | es venta | fr vente | pt venda | it vendita | de Verkauf | sv försäljning | nl verkoop
sell v | es vender | fr vendre | pt vender | it vendere | de verkaufen | sv sälja! säljer! sålde! sålt! säljs! såldes! | nl verkopen! verkoopt! verkocht! verkochten!
buy v | es comprar | fr acheter | pt comprar | it comprare acquistare | de kaufen | sv köpa! köper! köpte! köpt! köps! köptes! köpta! | nl kopen! koopt! kocht! kochten! gekocht!
purchase n | es compra | fr achat | pt compra | it acquisto | de Kauf Ankauf | sv köp inköp | nl aankoop
acquire v | es adquirir adquiere! adquieren! | fr acquérir! acquiert! acquièrent! acquerra! acquise! acquises! | pt adquirir | it acquisire | de erwerben! erwirbt! erwarb! erworben! übernehmen! übernimmt! übernahm! übernommen! | sv förvärva | nl verwerven! verwerft! verwierf! verworven! overnemen!
acquisition n | es adquisición | pt aquisição | it acquisizione | de Erwerb Übernahme | sv förvärv uppköp | nl overname verwerving
procurement n | es contratación | de Beschaffung | sv upphandling anskaffning | nl inkoop aanbesteding
supply n | es suministro abastecimiento | fr approvisionnement | pt abastecimento fornecimento | it fornitura approvvigionamento | de Versorgung Lieferung Lieferkette | sv försörjning leverans | nl levering bevoorrading
chain n | es cadena | fr chaîne | pt cadeia | it catena | de Kette | sv kedja | nl keten
trade n | es comercio | fr échange | pt comércio | it commercio | de Handel Handels! | sv handel | nl handel
trade a | es comercial | pt comercial | it commerciale
export n | es exportación | fr exportation | pt exportação | it esportazione | de Ausfuhr | nl uitvoer
export v | es exportar | fr exporter | pt exportar | it esportare | de exportieren | sv exportera | nl exporteren
exporter a | es exportador | fr exportateur | pt exportador | it esportatore | de Exporteur/n | sv exportör/n | nl exporteur/n
import n | es importación | fr importation | pt importação | it importazione | de Einfuhr | nl invoer
tariff n | es arancel tarifa | fr tarif | pt tarifa | it dazio tariffa | de Zoll | sv tull | nl heffing tarief invoerrecht
tax n | es impuesto | fr impôt taxe | pt imposto | it imposta tassa | de Steuer | sv skatt | nl belasting
royalty n | es regalía | fr redevance | it canone | de Lizenzgebühr Förderabgabe
sanctions n | es sanción | pt sanção | it sanzione | de Sanktion | sv sanktion | nl sanctie
penalties n | es multa penalización | fr pénalité amende | pt multa | it multa | de Strafe | sv straff | nl boete
`;

const WORK = `
jobs n | es empleo puesto | fr emploi poste | pt emprego posto | it posto impiego | de Arbeitsplatz Stellen! Arbeitsstelle | sv jobb arbetstillfälle arbetsplats | nl baan arbeidsplaats
work n | es trabajo | fr travail | pt trabalho | it lavoro | de Arbeit | sv arbete | nl werk
work v | es trabajar | fr travailler | pt trabalhar | it lavorare | de arbeiten | sv arbeta | nl werken
employment n | es ocupación | pt ocupação | it occupazione | de Beschäftigung | sv sysselsättning | nl werkgelegenheid
workers a | es trabajador obrero | fr travailleur ouvrier | pt trabalhador operário | it lavoratore operaio | de Arbeiter/n Arbeitskraft/n | sv arbetare/n | nl arbeider/n
employees a | es empleado funcionario | fr salarié employé | pt empregado funcionário colaborador | it dipendente impiegato | de Mitarbeiter/n Angestellte Beschäftigte Mitarbeitende | sv anställd! anställda! medarbetare/n | nl werknemer/n medewerker/n personeel/n
people n | es persona gente | fr personne gens! | pt pessoa gente | it persona gente | de Mensch Person Leute! | sv människa människor! människorna! person | nl mens persoon personen!
hire v | es contratar | fr embaucher recruter | pt contratar | sv anställa! anställer! anställde! anställt! anställs! anställdes! rekrytera | nl aanwerven!
employ v | es emplear | fr employer emploie! emploient! emploiera! emploieront! | pt empregar | it impiegare | de beschäftigen | sv sysselsätta! sysselsätter! sysselsatte! sysselsatt!
hiring n | fr embauche recrutement | pt contratação | it assunzione | sv rekrytering nyanställning | nl aanwerving
train v | es capacitar | pt capacitar treinar | it addestrare | de aus+bilden schulen | sv utbilda | nl op+leiden
training n | es capacitación formación | pt capacitação formação treinamento | it formazione addestramento | de Ausbildung Schulung | sv utbildning | nl opleiding
create v | es crear! crea! crean! creó! crearon! creado! creada! creados! creadas! creará! crearán! creando! creaba! creaban! crearía! crearían! | fr créer | pt criar | it creare | de schaffen! schafft! schuf! schufen! geschaffen! geschaffenen! erschaffen | sv skapa | nl creëren! creëert! creëerde! gecreëerd! scheppen! schept! schiep! geschapen!
generate v | es generar | fr générer | pt gerar | it generare | de generieren erzeugen | sv generera | nl genereren op+leveren
permanent a | es permanente fijo | pt permanente fixo | it permanente fisso | de dauerhaft unbefristet | sv permanent | nl permanent
temporary a | es temporario | fr temporaire | pt temporário | it temporaneo | de vorübergehend befristet | sv tillfällig | nl tijdelijk
direct a | es directo | pt direto | it diretto | de direkt | sv direkt
indirect a | es indirecto | pt indireto | it indiretto | de indirekt | sv indirekt
construction n | es construcción obra | fr chantier travaux! | pt construção obra | it costruzione cantiere | de Bau! Baus! Bauarbeiten! Errichtung | sv byggnation byggande bygge konstruktion | nl bouw aanleg constructie
plant n | es planta | fr usine | pt fábrica usina | it impianto stabilimento | de Anlage | sv anläggning fabrik | nl fabriek installatie
build v | es construir edificar | fr construire bâtir | pt construir! constrói! constroem! construiu! construíram! construído! construída! construídos! construídas! construirá! construirão! construindo! edificar | it costruire edificare | de bauen errichten | sv bygga! bygger! byggde! byggt! byggs! byggdes! byggd! byggda! | nl bouwen
peak n | es pico | pt pico | it picco | de Spitze Höhepunkt | sv topp | nl piek hoogtepunt
`;

const OWNERSHIP = `
stake n | es participación | pt participação | it partecipazione | de Beteiligung Anteil | sv andel ägarandel aktiepost | nl belang
share n | es acciones! | pt ações! | it azioni! | de Aktie | sv aktie | nl aandeel! aandelen!
shareholder a | es accionista | fr actionnaire | pt acionista | it azionista | de Aktionär/n Anteilseigner/n Gesellschafter/n | sv aktieägare/n delägare/n | nl aandeelhouder/n
owns v | es poseer poseyó! poseyeron! | fr posséder détenir! détient! détiennent! détenu! détenue! détenus! détenues! détenait! détenaient! détiendra! détiendront! | pt possuir deter! detém! detêm! detinha! detinham! detido! detida! detidos! detidas! | it possedere detenere! detiene! detengono! deteneva! detenuto! detenuta! detenuti! detenute! | de besitzen! besitzt! besaß! besaßen! besessen! gehören gehört! | sv äga! äger! ägde! ägt! ägs! ägd! ägda! | nl bezitten! bezit! bezat! bezaten! bezeten!
owns a | es propietario dueño | fr propriétaire | pt proprietário dono | it proprietario | de Eigentümer/n Besitzer/n | sv ägare/n | nl eigenaar/n
ownership n | es propiedad | fr propriété | pt propriedade | it proprietà | de Eigentum | sv ägande! ägandet! | nl eigendom
hold v | de halten! hält! | sv inneha! innehar! innehade! innehaft! | nl houden! houdt!
control v | es controlar | fr contrôler | pt controlar | it controllare | de kontrollieren | sv kontrollera | nl controleren
control n | fr contrôle | pt controle controlo | it controllo | de Kontrolle | sv kontroll | nl controle
company n | es empresa compañía sociedad firma | fr entreprise société compagnie | pt empresa companhia sociedade | it azienda impresa società | de Unternehmen Firma! Firmen! Konzern Gesellschaft | sv företag bolag | nl bedrijf onderneming maatschappij
developer a | es desarrollador promotor | fr développeur promoteur | pt desenvolvedor incorporador | it sviluppatore | de Entwickler/n Projektentwickler/n | sv exploatör/n utvecklare/n | nl ontwikkelaar/n
development n | es desarrollo | fr développement | pt desenvolvimento | it sviluppo | de Entwicklung Erschließung | sv utveckling exploatering | nl ontwikkeling
develop v | es desarrollar | fr développer | pt desenvolver | it sviluppare | de entwickeln erschließen! erschließt! erschlossen! | sv utveckla | nl ontwikkelen
operate v | es operar explotar | fr exploiter opérer | pt operar | it operare gestire | de betreiben! betreibt! betrieben! | sv driva! driver! drev! drivit! drivs! | nl exploiteren uitbaten
operations n | es operación explotación | fr opération | pt operação | it operazione esercizio | de Betrieb | nl exploitatie
operational a | es operativo | fr opérationnel | pt operacional | it operativo | nl operationeel
`;

const STATE = `
government n | es gobierno | fr gouvernement | pt governo | it governo | de Regierung | sv regering | nl regering overheid
state n | es estado | fr état | pt estado | de Staat | sv staten!
state a | es estatal | fr étatique | pt estatal | it statale | de staatlich | sv statlig statsägd | nl staatseigen
federal a | fr fédéral | it federale | de föderal | nl federaal
provincial a | it provinciale | sv provinsiell | nl provinciaal
province n | es provincia | pt província | it provincia | de Provinz | sv provins | nl provincie
community n | es comunidad | fr communauté | pt comunidade | it comunità | de Gemeinde Gemeinschaft | sv samhälle lokalsamhälle | nl gemeenschap
trust n | es fideicomiso | fr fiducie | pt fideicomisso | it fiduciario | de Treuhand Treuhandfonds | sv stiftelse
local a | it locale | de lokal örtlich | sv lokal | nl lokaal plaatselijk
public a | es público | fr public | pt público | it pubblico | de öffentlich | sv offentlig | nl openbaar publiek
private a | es privado | fr privé | pt privado | it privato | de privat | sv privat | nl privé particulier
foreign a | es extranjero | fr étranger | pt estrangeiro | it straniero estero | de ausländisch | sv utländsk | nl buitenlands
official a | es oficial | fr officiel responsable | pt oficial | it ufficiale funzionario | de offiziell Beamte | sv officiell tjänsteman! tjänstemän! tjänstemannen! | nl officieel functionaris/n ambtenaar/n
president a | es presidente presidenta! | fr président | pt presidente | it presidente | de Präsident/n | sv president | nl president
ministers a | es ministro | fr ministre | pt ministro | it ministro | de Minister/n Ministerin | sv minister/n ministrar! ministrarna!
ministry n | es ministerio | fr ministère | pt ministério | it ministero | de Ministerium | nl ministerie
secretary a | es secretario | fr secrétaire | pt secretário | it segretario | sv sekreterare/n | nl secretaris/n
department n | es departamento | fr département | pt departamento | it dipartimento | de Abteilung | sv departement | nl departement
administration n | es administración | pt administração | it amministrazione | de Verwaltung | sv förvaltning | nl administratie
agency n | es agencia | fr agence | pt agência | it agenzia | de Agentur | sv byrå | nl agentschap
authorities n | es autoridad | fr autorité | pt autoridade | it autorità | de Behörde | sv myndighet | nl autoriteit
parliament n | es parlamento | fr parlement | pt parlamento | it parlamento | de Parlament | sv parlament riksdag | nl parlement
law n | es ley | fr loi | pt lei | it legge | de Gesetz
policy n | es política | fr politique | pt política | it politica | de Politik | sv politik | nl beleid politiek
strategy n | es estrategia | fr stratégie | pt estratégia | it strategia | de Strategie | sv strategi | nl strategie
strategic a | es estratégico | fr stratégique | pt estratégico | it strategico | de strategisch | sv strategisk | nl strategisch
security n | es seguridad | fr sécurité | pt segurança | it sicurezza | de Sicherheit | sv säkerhet | nl veiligheid
embassy n | es embajada | fr ambassade | pt embaixada | it ambasciata | de Botschaft | sv ambassad | nl ambassade
ambassador a | es embajador | fr ambassadeur | pt embaixador | it ambasciatore | de Botschafter/n | sv ambassadör/n | nl ambassadeur/n
program n | es programa | pt programa | it programma | de Programm | nl programma
initiative n | es iniciativa | pt iniciativa | it iniziativa | sv initiativ | nl initiatief
visit n | es visita | fr visite | pt visita | it visita | de Besuch | sv besök | nl bezoek
visit v | es visitar | fr visiter | pt visitar | it visitare | de besuchen | sv besöka | nl bezoeken
`;

const MEETINGS = `
countries n | es país | pt país | it paese | de Länder! Ländern! Landes! | sv stater! staterna! länder! länderna! ländernas! landet! landets! | nl landen!
nations n | es nación | pt nação | it nazione | de Nation | sv nation | nl natie
delegates a | es delegado | fr délégué | pt delegado | it delegato | de Delegierte | sv delegat/n | nl afgevaardigde
delegation n | es delegación | fr délégation | pt delegação | it delegazione | nl delegatie
summit n | es cumbre | fr sommet | pt cúpula cimeira | it vertice | de Gipfel Gipfeltreffen | sv toppmöte | nl topontmoeting
meeting n | es reunión encuentro | fr réunion rencontre | pt reunião encontro | it riunione incontro | de Treffen Sitzung Tagung | sv möte sammanträde | nl bijeenkomst vergadering ontmoeting
conference n | es conferencia | fr conférence | pt conferência | it conferenza | de Konferenz | sv konferens | nl conferentie
ministerial a | fr ministériel | it ministeriale | de ministeriell | sv ministeriell | nl ministerieel
forum n | es foro | pt fórum
host v | es acoger albergar | fr accueillir! accueille! accueillent! accueilli! accueillie! accueillait! accueillera! | pt sediar | it ospitare
participate v | es participar | fr participer | pt participar | it partecipare | de teilnehmen! teilnimmt! teilnahmen! teilgenommen! Teilnahme! | sv delta! deltar! deltog! deltagit! | nl deelnemen!
participants a | es participante | pt participante | it partecipante | de Teilnehmer/n | sv deltagare/n | nl deelnemer/n
attend v | es asistir | fr assister | pt comparecer | it assistere | sv närvara | nl bij+wonen
`;

const MINING = `
project n | es proyecto | fr projet | pt projeto projecto | it progetto | de Projekt Vorhaben | sv projekt
mining n | es minería mina | pt mineração mina mineradora | it miniera | de Bergbau Bergwerk Grube -mine | sv gruva gruvdrift gruvbrytning gruvindustri | nl mijn mijnbouw
mining a | es minero | fr minier | pt mineiro minerário | it minerario | sv gruv! | nl mijnbouwkundig
deposit n | es yacimiento depósito | fr gisement | pt jazida depósito | it giacimento | de Lagerstätte Vorkommen | sv fyndighet förekomst | nl afzetting vindplaats
production n | es producción | pt produção | it produzione | de Produktion Förderung | sv produktion | nl productie
output n | de Ausstoß Fördermenge | sv produktionsvolym
produce v | es producir | fr produire | pt produzir | it produrre | de produzieren | sv producera | nl produceren
extraction n | es extracción | pt extração | it estrazione | de Abbau Gewinnung | sv utvinning brytning | nl winning
exploration n | es exploración | it esplorazione | de Exploration Erkundung | sv prospektering | nl exploratie
capacity n | es capacidad | fr capacité | pt capacidade | it capacità | de Kapazität | sv kapacitet | nl capaciteit
equipment n | es equipo equipamiento maquinaria | fr équipement matériel | pt equipamento maquinário maquinaria | it attrezzatura macchinario | de Ausrüstung Maschine | sv utrustning maskin | nl uitrusting apparatuur
services n | es servicio | fr service | pt serviço | it servizio | de Dienstleistung | sv tjänst | nl dienst dienstverlening
spodumene n | es espodumena | fr spodumène | pt espodumena | de Spodumen | sv spodumen | nl spodumeen
oxide n | es óxido | fr oxyde | pt óxido | it ossido | de Oxid | sv oxid
concentrate n | es concentrado | fr concentré | pt concentrado | it concentrato | de Konzentrat | sv koncentrat | nl concentraat
grade n | fr teneur | pt teor | it tenore | de Erzgehalt | nl gehalte
ore n | fr minerai | pt minério | de Erz | sv malm | nl erts
minerals n | fr minéral minéraux! | pt minerais! | it minerale | de Mineralien! Rohstoff | sv mineraler! mineralerna! | nl mineraal grondstof
critical a | es crítico | pt crítico | it critico | de kritisch | sv kritisk | nl kritiek
copper n | es cobre | fr cuivre | pt cobre | it rame | de Kupfer | sv koppar | nl koper
gold n | es oro | pt ouro | it oro | sv guld | nl goud
lithium n | es litio | pt lítio | it litio | sv litium
cobalt n | es cobalto | pt cobalto | it cobalto | de Kobalt | sv kobolt | nl kobalt
nickel n | es níquel | pt níquel | it nichel | nl nikkel
rare a | es raro | pt raro | it raro | de selten | sv sällsynt | nl zeldzaam
earth n | es tierra | fr terre | pt terra | it terra | de Erde | sv jord | nl aarde
reserve n | es reserva | fr réserve | pt reserva | it riserva | de Reserve Vorrat | sv reserv
household n | es hogar | fr ménage | pt agregado domicílio | sv hushåll | nl huishouden
resources n | es recurso | fr ressource | pt recurso | it risorsa | de Ressource | sv resurs | nl hulpbron
natural a | fr naturel | it naturale | de natürlich | sv naturlig | nl natuurlijk
oil n | es petróleo | fr pétrole | pt petróleo | it petrolio | de Öl! Erdöl | sv olja | nl olie
site n | es emplazamiento | it sito | de Standort | sv plats | nl locatie
study n | es estudio | fr étude | pt estudo | de Studie | sv studie | nl studie
feasibility n | es factibilidad viabilidad | fr faisabilité | pt viabilidade | it fattibilità | de Machbarkeit | sv genomförbarhet | nl haalbaarheid
phase n | es fase etapa | fr étape | pt fase etapa | it fase | de Phase Etappe | sv fas etapp | nl fase
expansion n | es expansión ampliación | pt expansão ampliação | it espansione ampliamento | de Ausbau Erweiterung | sv utbyggnad | nl uitbreiding
licence n | es licencia permiso | fr permis | pt licença | it licenza permesso | de Lizenz | sv licens tillstånd | nl vergunning licentie
concession n | es concesión | pt concessão | it concessione | de Konzession | sv koncession | nl concessie
infrastructure n | es infraestructura | pt infraestrutura | it infrastruttura | de Infrastruktur | sv infrastruktur | nl infrastructuur
railway n | es ferrocarril | pt ferrovia | it ferrovia | de Eisenbahn Bahn | sv järnväg | nl spoorweg spoorlijn
port n | es puerto | pt porto | it porto | de Hafen | sv hamn
energy n | es energía | fr énergie | pt energia | it energia | de Energie | sv energi | nl energie
electric a | es eléctrico | fr électrique | pt elétrico | it elettrico | de elektrisch | sv elektrisk | nl elektrisch
vehicle n | es vehículo | fr véhicule | pt veículo | it veicolo | de Fahrzeug | sv fordon | nl voertuig
battery n | es batería | fr batterie | pt bateria | it batteria | de Batterie | sv batteri | nl batterij
industry n | es industria | fr industrie | pt indústria | it industria | de Industrie | sv industri | nl industrie
sector n | fr secteur | pt setor | it settore | de Sektor Branche | sv sektor bransch
economy n | es economía | fr économie | pt economia | it economia | de Wirtschaft Ökonomie | sv ekonomi | nl economie
economic a | es económico | fr économique | pt econômico económico | it economico | de wirtschaftlich ökonomisch | sv ekonomisk | nl economisch
growth n | es crecimiento | fr croissance | pt crescimento | it crescita | de Wachstum | sv tillväxt | nl groei
region n | es región | pt região | it regione | nl regio
world n | es mundo mundial | fr monde mondial | pt mundo mundial | it mondo mondiale | de Welt weltweit! | sv värld | nl wereld wereldwijd!
largest a | pt maior! maiores! | it maggiore! maggiori! | de größte | sv största! | nl grootste!
undeveloped a | fr inexploité | pt inexplorado | it inesplorato | de unerschlossen
`;

const PLANS = `
cost n | es costo coste | fr coût | pt custo | it costo | de Kosten! | sv kostnad | nl kosten! kost!
cost v | es costar cuesta! cuestan! | fr coûter | pt custar | it costare | de kostet! kostete! kosteten! gekostet! | sv kosta | nl kostte! gekost!
total a | es total | fr total | pt total | it totale | de gesamt! insgesamt! | sv total totalt! sammanlagt! sammanlagd! sammanlagda! | nl totaal
remaining a | es restante | fr restant | pt restante | it restante | de restlich | sv återstående! | nl resterend
together x | es juntos juntas conjuntamente | pt juntos juntas | it insieme | de zusammen | sv tillsammans | nl samen
combined a | es combinado | fr combiné | pt combinado | it combinato | de kombiniert | sv kombinerad | nl gecombineerd
joint a | es conjunto | pt conjunto | it congiunto | de gemeinsam | sv gemensam | nl gezamenlijk
begin v | es comenzar comienza! comienzan! comience! comiencen! empezar empieza! empiezan! empiece! empiecen! iniciar arrancar | fr commencer débuter démarrer | pt começar iniciar arrancar | it iniziare cominciare avviare | de beginnen! beginnt! begann! begannen! begonnen! starten | sv börja inleda inlett! inleddes! starta | nl beginnen! begint! begon! begonnen! starten
start n | es inicio comienzo arranque | fr début démarrage | pt início começo arranque | it inizio avvio | de Beginn Anfang Start | sv början start | nl aanvang start
launch v | es lanzar | fr lancer | pt lançar | it lanciare | de lancieren | sv lansera | nl lanceren
launch n | es lanzamiento | fr lancement | pt lançamento | it lancio | de Lancierung | sv lansering | nl lancering
first a | es primero primer! | fr premier | pt primeiro | it primo! primi! | de erste erstmals! | sv första! förste! | nl eerste!
plan n | pt plano | de Plan | sv plan | nl plan
plan v | es planear planificar | fr planifier | pt planejar planear | it pianificare | de planen | sv planera | nl plannen
expect v | es esperar prever! prevé! prevén! previó! preveía! previsto! prevista! previstos! previstas! | fr prévoir! prévoit! prévoient! prévu! prévue! prévus! prévues! prévoyait! | pt esperar prever! prevê! preveem! previu! previsto! prevista! previstos! previstas! | it aspettare prevedere! prevede! prevedono! previsto! prevista! previsti! previste! | de erwarten | sv förvänta väntas! | nl verwachten
estimate v | es estimar calcular | fr estimer | pt estimar calcular | it stimare | de schätzen | sv uppskatta beräkna | nl schatten
estimated x | es estimado estimada estimados estimadas calculado calculada | fr estimé estimée estimés estimées | pt estimado estimada estimados estimadas | it stimato stimata stimati stimate | de geschätzt geschätzte geschätzten geschätzter | sv uppskattad uppskattade beräknad beräknade | nl geschat geschatte
increase v | es aumentar incrementar | fr augmenter | pt aumentar | it aumentare | de erhöhen steigern | sv öka | nl verhogen
increase n | es aumento incremento | fr augmentation hausse | pt aumento | it aumento | de Erhöhung Anstieg | sv ökning | nl stijging toename
reduce v | es reducir | fr réduire | pt reduzir | it ridurre | de reduzieren verringern senken | sv minska | nl verminderen verlagen
double v | es duplicar | fr doubler | pt duplicar dobrar | it raddoppiare | de verdoppeln | sv fördubbla | nl verdubbelen
year n | es año | fr année ans! | pt ano | it anno | de Jahr | sv året! åren! årets! | nl jaar
annual a | es anual | fr annuel | pt anual | it annuale | de jährlich | sv årlig | nl jaarlijks
month n | es mes | fr mois | pt mês | it mese | de Monat | sv månad | nl maand
`;

/** Names of months and days, to the English names terms.ts knows (MONTHS). */
const CALENDAR = `
january x | es enero | fr janvier | pt janeiro | it gennaio | de januar jänner | sv januari | nl januari
february x | es febrero | fr février | pt fevereiro | it febbraio | de februar | sv februari | nl februari
march x | es marzo | pt março | it marzo | de märz | nl maart
april x | it aprile
may x | fr mai | pt maio | it maggio | de mai | sv maj | nl mei
june x | es junio | fr juin | pt junho | it giugno | de juni | sv juni | nl juni
july x | es julio | fr juillet | pt julho | it luglio | de juli | sv juli | nl juli
august x | es agosto | fr août | pt agosto | it agosto | sv augusti | nl augustus
september x | es septiembre setiembre | fr septembre | pt setembro | it settembre
october x | es octubre | fr octobre | pt outubro | it ottobre | de oktober | sv oktober | nl oktober
november x | fr novembre | pt novembro | it novembre
december x | es diciembre | fr décembre | pt dezembro | it dicembre | de dezember
monday x | es lunes | fr lundi | it lunedì | de montag | sv måndag måndagen | nl maandag
tuesday x | es martes | fr mardi | it martedì | de dienstag | sv tisdag tisdagen | nl dinsdag
wednesday x | es miércoles | fr mercredi | it mercoledì | de mittwoch | sv onsdag onsdagen | nl woensdag
thursday x | es jueves | fr jeudi | it giovedì | de donnerstag | sv torsdag torsdagen | nl donderdag
friday x | es viernes | fr vendredi | it venerdì | de freitag | sv fredag fredagen | nl vrijdag
saturday x | es sábado | fr samedi | it sabato | de samstag | sv lördag lördagen | nl zaterdag
sunday x | es domingo | fr dimanche | it domenica | de sonntag | sv söndag söndagen | nl zondag
`;

/**
 * Verbs of saying: English drops "said", "says", "told" (STOPWORDS); the other languages' are
 * dropped with them, mapped to "said".
 */
const SAYING = `
said v | es decir! dice! dicen! dijo! dijeron! afirmar declarar señalar indicar asegurar explicar añadir | fr dire! disent! affirmer déclarer indiquer ajouter préciser souligner | pt dizer! diz! dizem! disse! disseram! afirmar declarar | it dire! dicono! disse! dissero! detto! affermare dichiarare | de sagen erklären betonen | sv säga! säger! sade! sagt! uppge! uppger! uppgav! | nl zeggen! zegt! zei! zeiden! gezegd! verklaren
`;

/**
 * English words that forms of the lexicon spell too, as English writes them: such a word written
 * so is read as English, and the same form written with its accents is read as the foreign word
 * ("debut" is English, "début" French; "salt" English, "sålt" Swedish). They are exactly the words
 * of an English dictionary of about 100,000 words (Debian's wamerican and wbritish, names
 * included) that the lexicon would read otherwise (another term, another count class, or a German
 * noun's capital read as no name's), but for a few left to the foreign reading because English
 * writes them as names or loans in the foreign sense: "Handel", "Julio", "Mai", "Maj", "Mercado",
 * "mes", "matériel", "étude". "marco" is also Spanish for framework, not the Portuguese "março".
 * The test of English sentences holds English to this.
 */
const NOT_FOREIGN: ReadonlySet<string> = new Set(
  (
    'approbations assistant augmentation augmentations augustus banker benefice benefices ' +
    'bundesbank communique goldmine goldmines communiques comprehension comprehensions costar cree debut debuts ' +
    'declare declares delta deter dice dire domingo dona driver employe employee employes ' +
    'employer entente ententes exploiter fast fond fonder genera gens gere halt inversion investor ' +
    'jobber juntas lana lance lancer lances land lander lei leis levering lois marches marco ' +
    'minister mobilize mote motes multi nation opera patti person persona persons planar plane ' +
    'planes planet planets plant precise preciser precises premier premiere premieres premiers ' +
    'presto prevue prevues primer privater privates profiteer programme programmes puerto pôrto ' +
    'regalia reunion reunions sade saga sage sager salaries salt signature signatures signer ' +
    'starter starts staten stater strafe terra terri travail travails tull vend vender welt ' +
    'welts winning winnings'
  ).split(' '),
);

export interface Translation {
  /** The English word the form says. */
  english: string;
  /** A German form: its capital says nothing of a name. */
  german: boolean;
}

/** One paradigm of a lemma of the lexicon. */
interface Entry {
  /** The base, folded, and as the rule spells it (with its accents). */
  key: string;
  base: string;
  /** The folded endings, to the endings as spelled. */
  endings: ReadonlyMap<string, string>;
  /** The lemma's own paradigm (the lemma as written) or an irregular form's. */
  written: boolean;
}

/** A lemma of the lexicon: its word, and its paradigms once a look-up needs them. */
interface Lemma extends Translation {
  entry: string;
  lang: Lang;
  pos: Pos;
  /** Folded. */
  lemma: string;
  /** Written as is ("word!", or a line of forms). */
  exact: boolean;
  /** "-mine": a compound's head, not a word of its own. */
  headOnly: boolean;
  /** A German, Swedish or Dutch noun: a compound's head. */
  head: boolean;
  /** A German, Swedish or Dutch noun or adjective: a compound's first word. */
  modifier: boolean;
  /**
   * What every form of the lemma begins with, known without working the forms out: the lemma but
   * for its last RULE_REACH letters (a separable verb: its particle; a form as written: itself).
   */
  prefix: string;
  /** The same, for the participles of German and Dutch: "ge" and the prefix. */
  gePrefix: string | null;
  paradigms?: Entry[];
}

/**
 * How far from a lemma's end the rules of foreign-stem.ts change it: Italian "produrre" →
 * "prod-otto", Spanish "comenzar" → "comenc-e", Dutch "baan" → "ban-en" (a test holds the rules to
 * it: every form of the lexicon is found).
 */
const RULE_REACH = 4;

const TABLES = [FINANCE, DEALS, WORK, OWNERSHIP, STATE, MEETINGS, MINING, PLANS, CALENDAR, SAYING];
const POS: ReadonlySet<string> = new Set(['n', 'a', 'v', 'x']);
const COMPOUNDING: ReadonlySet<Lang> = new Set(['de', 'sv', 'nl']);

/**
 * How sure a form is of its word: an English spelling; a form as the line writes it (a lemma, an
 * irregular form); a noun's or adjective's regular form; a verb's ("anuncio" is the announcement
 * before it is "I announce"; "inicio" the start before "I start"). Of two readings of one form the
 * surer is taken; two of one rank that say different words cannot both be right, and neither is,
 * unless the accents as written tell them apart ("köper", Swedish for buys, "koper", Dutch for
 * copper).
 */
const ENGLISH = 4;
const WRITTEN = 3;
const NOMINAL = 2;
const VERBAL = 1;

/**
 * Lemmas by the first three letters of their forms, folded: every form of a lemma begins as the
 * lemma does ("aprob-"), but for the participles of German and Dutch, which begin with "ge-" and
 * are found under "ge" and the stem's first letter ("gebaut" under "geb"), and the forms of a
 * lemma of four letters or fewer ("oro", "ori"; "baan", "banen") or of a separable verb with a
 * short particle ("an+kündigen": "angekündigt"), found under two (a test holds the lexicon to it). A
 * look-up reads only the lemmas its word's letters could be, and works out their paradigms then:
 * building the lexicon is reading its lines, and a page pays for the lemmas its words could be.
 */
type Index = Map<number, Lemma[]>;
const KEY = 3;
const SHORT_KEY = 2;

/**
 * The number of s's first `length` letters from `from` (a–z, anything else as one more letter):
 * look-ups key the index without cutting a string out of every word of a page.
 */
function keyOf(s: string, from: number, length: number): number {
  let key = length;
  for (let i = from; i < from + length; i++) {
    const c = s.charCodeAt(i) - 97;
    key = key * 28 + (c >= 0 && c < 26 ? c + 1 : Number.isNaN(c) ? 0 : 27);
  }
  return key;
}

/** The keys a lemma is found under (see Index). */
function keysOf(folded: string, entry: string, lang: Lang, pos: Pos | 'x'): number[] {
  const bar = entry.indexOf('+');
  // Short lemmas change within their first letters: "oro", "ori"; Dutch "baan", "banen".
  const short = folded.length <= KEY + 1 || (bar !== -1 && bar < KEY);
  const keys = [short ? keyOf(folded, 0, SHORT_KEY) : keyOf(folded, 0, KEY)];
  if ((lang === 'de' || lang === 'nl') && pos === 'v') keys.push(keyOf('ge' + folded, 0, KEY));
  return keys;
}

function build(): Index {
  const index: Index = new Map();
  const add = (key: number, lemma: Lemma): void => {
    const list = index.get(key);
    if (list) list.push(lemma);
    else index.set(key, [lemma]);
  };
  for (const table of TABLES) {
    for (const line of table.split('\n')) {
      if (line.trim() === '') continue;
      const [head = '', ...cells] = line.split('|');
      const [english = '', pos = ''] = head.trim().split(/\s+/);
      if (!POS.has(pos)) throw new Error(`translations: bad part of speech in "${line}"`);
      for (const cell of cells) {
        const [lang, ...lemmas] = cell.trim().split(/\s+/) as [Lang, ...string[]];
        if (!LANGS.includes(lang)) throw new Error(`translations: bad language in "${line}"`);
        for (const written of lemmas) {
          // "word/n": the lemma's own part of speech.
          const own = written.length > 2 && written[written.length - 2] === '/';
          const raw = own ? written.slice(0, -2) : written;
          const p = (own ? written[written.length - 1] : pos) as Pos | 'x';
          const headOnly = raw.startsWith('-');
          const entry = headOnly ? raw.slice(1) : p === 'x' ? raw + '!' : raw;
          const compounding = COMPOUNDING.has(lang);
          const folded = fold(entry.replace(/[!+]/g, ''));
          const bar = entry.indexOf('+');
          const prefix = entry.endsWith('!')
            ? folded
            : bar !== -1
              ? fold(entry.slice(0, bar))
              : folded.slice(0, Math.max(0, folded.length - RULE_REACH));
          const participles = (lang === 'de' || lang === 'nl') && p === 'v' && bar === -1;
          const lemma: Lemma = {
            prefix,
            gePrefix: participles ? 'ge' + prefix : null,
            english,
            german: lang === 'de',
            entry,
            lang,
            pos: p === 'x' ? 'n' : p,
            lemma: folded,
            exact: entry.endsWith('!'),
            headOnly,
            head: compounding && (p === 'n' || headOnly),
            modifier: compounding && !headOnly && (p === 'n' || p === 'a'),
          };
          for (const key of keysOf(folded, entry, lang, p)) add(key, lemma);
        }
      }
    }
  }
  return index;
}

interface Lexicon {
  index: Index;
  /**
   * What compounds' possible first words begin with (their lemmas' prefixes), by their first two
   * letters: a word that begins with none is no compound. Made on the first word long enough to
   * be one.
   */
  firsts?: Map<number, string[]>;
}

let built: Lexicon | null = null;
function lexicon(): Lexicon {
  built ??= { index: build() };
  return built;
}

function compoundFirsts(): Map<number, string[]> {
  const lex = lexicon();
  if (lex.firsts) return lex.firsts;
  const firsts = new Map<number, string[]>();
  const add = (prefix: string): void => {
    const key = keyOf(prefix, 0, SHORT_KEY);
    const list = firsts.get(key);
    if (list) list.push(prefix);
    else firsts.set(key, [prefix]);
  };
  for (const lemmas of lex.index.values()) {
    for (const lemma of lemmas) {
      if (lemma.modifier) add(lemma.prefix.length >= SHORT_KEY ? lemma.prefix : lemma.lemma);
    }
  }
  for (const w of COMPOUND_WORDS) add(w);
  lex.firsts = firsts;
  return firsts;
}

/** Could f begin with a compound's first word? */
function mayBeCompound(f: string): boolean {
  const prefixes = compoundFirsts().get(keyOf(f, 0, SHORT_KEY));
  if (prefixes) for (const prefix of prefixes) if (f.startsWith(prefix)) return true;
  return false;
}

const ENDINGS = new WeakMap<readonly string[], ReadonlyMap<string, string>>();

function paradigms(lemma: Lemma): Entry[] {
  if (lemma.paradigms) return lemma.paradigms;
  lemma.paradigms = paradigmsOf(lemma.entry, lemma.lang, lemma.pos).map((p, i) => {
    let endings = ENDINGS.get(p.endings);
    if (endings === undefined) {
      endings = new Map(p.endings.map((e) => [fold(e), e]));
      ENDINGS.set(p.endings, endings);
    }
    // The first paradigm is the lemma itself.
    return { key: fold(p.base), base: p.base, endings, written: i === 0 || lemma.exact };
  });
  return lemma.paradigms;
}

/**
 * The English word a foreign word says, or null: `word` lower-case as written (terms.ts's elision
 * and possessive already taken off; terms.ts remembers the words it has looked up). An English
 * word reads as English (NOT_FOREIGN), and so does a form spelled as its own English word
 * ("export" in German).
 */
export function translate(word: string): Translation | null {
  if (NOT_FOREIGN.has(word)) return null;
  const found = lookUp(word);
  return found && found.english !== word ? found : null;
}

interface Reading {
  lemma: Lemma;
  rank: number;
  /** The form as the rule spells it, accents and all. */
  spelling: string;
}

type Filter = (l: Lemma) => boolean;
/** A word of its own: not a compound head only. */
const WORD: Filter = (l) => !l.headOnly;
const HEAD: Filter = (l) => l.head;
const MODIFIER: Filter = (l) => l.modifier;

/**
 * The readings of f from `from` on (f folded), added to `out`: every lemma `accept` takes one of
 * whose forms it is. With `prefixes`, the lengths of those lemmas' forms that f begins with are
 * added to it instead (a compound's possible first words). Written for speed: every word of a page
 * comes through here, English ones too.
 */
function readings(
  f: string,
  accept: Filter,
  from: number,
  out: Reading[],
  prefixes?: Set<number>,
): void {
  const index = lexicon().index;
  const long = index.get(keyOf(f, from, KEY));
  if (long) scan(long, f, accept, from, out, prefixes);
  const short = index.get(keyOf(f, from, SHORT_KEY));
  if (short) scan(short, f, accept, from, out, prefixes);
}

function scan(
  lemmas: readonly Lemma[],
  f: string,
  accept: Filter,
  from: number,
  out: Reading[],
  prefixes: Set<number> | undefined,
): void {
  for (const lemma of lemmas) {
    if (!accept(lemma)) continue;
    if (
      !f.startsWith(lemma.prefix, from) &&
      (lemma.gePrefix === null || !f.startsWith(lemma.gePrefix, from))
    ) {
      continue;
    }
    for (const entry of paradigms(lemma)) {
      if (!f.startsWith(entry.key, from)) continue;
      if (prefixes) {
        for (const e of entry.endings.keys()) {
          const form = entry.key + e;
          if (f.startsWith(form, from) && (form.length >= MIN_GENERATED || form === lemma.lemma)) {
            prefixes.add(form.length);
          }
        }
        continue;
      }
      const spelled = entry.endings.get(f.slice(from + entry.key.length));
      if (spelled === undefined) continue;
      const word = from === 0 ? f : f.slice(from);
      if (word.length < MIN_GENERATED && word !== lemma.lemma) continue;
      const rank =
        word === lemma.english
          ? ENGLISH
          : entry.written || word === lemma.lemma
            ? WRITTEN
            : lemma.pos === 'v'
              ? VERBAL
              : NOMINAL;
      out.push({ lemma, rank, spelling: entry.base + spelled });
    }
  }
}

/** The reading a word takes (see WRITTEN), or null. */
function choose(all: readonly Reading[], word: string): Translation | null {
  let best: Reading[] = [];
  for (const r of all) {
    if (best.length === 0 || r.rank > (best[0] as Reading).rank) best = [r];
    else if (r.rank === (best[0] as Reading).rank) best.push(r);
  }
  const first = best[0];
  if (!first) return null;
  let english = first.lemma.english;
  if (best.some((r) => r.lemma.english !== english)) {
    const asWritten = best.filter((r) => r.spelling === word);
    const told = asWritten[0];
    if (!told || asWritten.some((r) => r.lemma.english !== told.lemma.english)) return null;
    english = told.lemma.english;
  }
  const german = best.some((r) => r.lemma.english === english && r.lemma.german);
  return { english, german };
}

/**
 * A compound's first word has at least this many letters ("Bau-", "Erz-", "gruv-"): shorter
 * beginnings are English words' own ("re-", "un-", "ex-").
 */
const MIN_MODIFIER = 3;
/**
 * A compound's head has at least this many letters ("-lån" in "banklån"): two-letter endings are
 * inflections, not words.
 */
const MIN_HEAD = 3;

/** Readings of the word looked up, reused: no array is made for the many words that have none. */
const FOUND: Reading[] = [];

function lookUp(word: string): Translation | null {
  const f = fold(word);
  FOUND.length = 0;
  readings(f, WORD, 0, FOUND);
  const direct = FOUND.length > 0 ? choose(FOUND, word) : null;
  if (direct || f.length < MIN_MODIFIER + MIN_HEAD) return direct;
  // A compound of German, Swedish or Dutch: a first word of those languages' lexicon (with its
  // joint: "Handels-", "Arbeits-"), then a noun of theirs. Only after a known first word: English
  // words end in such nouns ("determination", "highlander", "cantilevering"), but start with
  // these languages' words rarely.
  if (!mayBeCompound(f)) return null;
  const ends = new Set<number>();
  readings(f, MODIFIER, 0, [], ends);
  for (const w of COMPOUND_WORDS) if (f.startsWith(w)) ends.add(w.length);
  const splits: number[] = [];
  for (const i of ends) {
    splits.push(i);
    const joint = /^(?:en|s|e|n|-)/.exec(f.slice(i));
    if (joint) splits.push(i + joint[0].length);
  }
  // The longest head first.
  splits.sort((x, y) => x - y);
  for (const i of splits) {
    if (i < MIN_MODIFIER || f.length - i < MIN_HEAD) continue;
    FOUND.length = 0;
    readings(f, HEAD, i, FOUND);
    const head = choose(FOUND, word.slice(word.length - (f.length - i)));
    if (head) return head;
  }
  return null;
}

/**
 * First words of German, Swedish and Dutch compounds that are not in the lexicon themselves
 * ("Bundesregierung", "Milliardenkredit", "statsägd", "goudmijn"), folded.
 */
const COMPOUND_WORDS: ReadonlySet<string> = new Set(
  (
    'bund bundes staat staats landes haupt milliarden millionen auslands wirtschafts ' +
    'rohstoff gold kupfer silber eisen kohle lithium nickel kobalt stat stats riks miljard ' +
    'miljarder koppar guld silver jarn kol goud koper zilver ijzer kolen rijks overheids ' +
    'export bank projekt project aussen finanz utrikes delstat premier'
  ).split(' '),
);

/**
 * Every form of the lexicon, folded, with the reading a page's word so spelled (without accents)
 * takes, or null where its readings clash; and the lemma each came from (for tests and audits:
 * the lexicon itself never spells its forms out).
 */
export function lexiconForms(): ReadonlyMap<string, { reading: Translation | null; from: string }> {
  const out = new Map<string, { reading: Translation | null; from: string }>();
  for (const list of lexicon().index.values()) {
    for (const lemma of list) {
      if (lemma.headOnly) continue;
      for (const form of formsOf(lemma.entry, lemma.lang, lemma.pos)) {
        const f = fold(form);
        if (out.has(f)) continue;
        const found: Reading[] = [];
        readings(f, WORD, 0, found);
        out.set(f, { reading: choose(found, f), from: lemma.entry });
      }
    }
  }
  return out;
}

/**
 * Function words and number words of the other languages, which English's STOPWORDS lists for
 * English ("the", "of", "each", "about", "million", "new"): unknown to every fact, they would count
 * against every claim. Words the English dictionary (see NOT_FOREIGN) lists too are left out,
 * however common in their own language ("war", "man", "men", "door", "till", "van", "met", "av",
 * "era", "sin", "ai"): English reads them as it did, and a page in those languages counts them as
 * words no fact has.
 */
export const FOREIGN_STOPWORDS: readonly string[] = [
  // Spanish
  'unos unas u sobre entre hasta desde hacia según segun mediante tras bajo fueron ser ' +
    'será serán sido eran está están estaba estaban había habían ya menos muy también tanto ' +
    'cuando donde este esta estos estas ese esa esos esas aquel ello ellos ellas él cual ' +
    'cuales cuyo cuya quien quienes todo toda todos todas otro otra otros otras mismo misma ' +
    'cada pero sino aunque porque pues así aún además casi alrededor cerca aproximadamente ' +
    'cien ciento dólar nuevo nueva nuevos nuevas tiene tienen tenía tenían tener hoy ayer',
  // French
  'où qu quoi dont cet leur leurs ils elle elles vous je sous entre vers chez contre ' +
    'depuis après avant dès jusqu jusque étaient être seront serait ont avait avaient avoir ' +
    'fait moins très aussi ainsi déjà toute tous toutes autre autres mêmes chaque chacun ' +
    'chacune mais donc comme lors alors quand environ près quelque quelques mille nouveau ' +
    'nouvelle nouveaux nouvelles lui pourcent',
  // Portuguese
  'umas uns pelos pelas sem até desde após seu sua seus suas foram ser serão sido eram ' +
    'está estão estava estavam tem têm tinha ter há já mais menos muito também quando onde ' +
    'este esta estas esse essa esses essas isso isto ele ela eles elas lhe lhes qual quais ' +
    'cujo toda todos todas outro outra outros outras mesmo mesma cada nem porque pois assim ' +
    'ainda além quase cerca aproximadamente cem milhão bilhão novo novos',
  // Italian
  'dello dei degli delle allo alla agli alle dal dallo dalla dai dagli dalle nello nei ' +
    'negli nelle sul sullo sugli sulle tra fra cui sono erano stato stata stati essere sarà ' +
    'saranno hanno aveva avevano avere più meno molto anche quando questo questa questi ' +
    'queste quello quella quelli quelle suo sua suoi loro tutto tutta tutti tutte altro ' +
    'altra altri altre stesso stessa ogni ciascuno ciascuna però perché già ancora oltre ' +
    'fino cento mila milione miliardo dollaro dollari percento nuovo nuova nuovi nuove',
  // German
  'einen einem eines aber sondern denn doch als wie wenn dass daß vom vor gegen ohne seit ' +
    'bis zwischen während wegen waren werden wurden worden sein haben hatte hatten kann ' +
    'können soll sollen müssen wollen nicht kein keine keinen noch schon nur sehr mehr ' +
    'weniger bereits etwa rund ungefähr sie wir ihr ihre ihren ihrem ihrer seinen seinem ' +
    'seiner dieser diese dieses diesen diesem jede jeder jedes jeden jedem jeweils alle ' +
    'aller sich hier dort damit dabei dafür davon sowohl hundert tausend milliarde mio ' +
    'prozent neu neue neuen neuer neues neuem',
  // Swedish
  'och att det som ett på är för har hade inte om vara varit blir blev bli kan ska skall ' +
    'skulle kommer kom sig sina sitt hennes deras dess detta dessa denna vilken vilket vilka ' +
    'från vid mot över efter enligt också även redan mer mest mindre bara samt eller så när ' +
    'där här upp mellan genom utan inom omkring cirka drygt nästan knappt tusen miljon ' +
    'miljoner miljard miljarder mdr procent nya nytt varje vardera både annan annat alla ' +
    'allt hela',
  // Dutch
  'het een maar dit deze wie wat waar wanneer voor naar bij uit aan te om onder tussen ' +
    'tegen zonder sinds tijdens volgens als ook nog wel niet geen meer minder zeer zijn ' +
    'wordt worden werd werden geweest heeft hebben hadden zal zullen zou zouden kunnen ' +
    'moeten mag wil hij zij ze wij ik jij haar ons onze zich elke ieder iedere alle andere ' +
    "beide ongeveer bijna ruim zo'n honderd duizend miljoen miljard mld nieuw nieuwe procent",
].flatMap((words) => words.split(' '));

/**
 * Country names and demonyms of the other languages, as written (accents and all), to the English
 * name terms.ts's PLACES knows; read before anything else, as English's own place names are. And
 * six English words the first version of this map took from French ("pays", "dispose",
 * "participation(s)", "accords", "approbation"), kept as they read since: an English page's "pays" reads as
 * countries (a language hint would tell them apart).
 */
export const PLACE_NAMES: ReadonlyMap<string, string> = new Map(
  // The first version's words.
  (
    'pays:countries dispose:holds disposent:hold participation:stake participations:stake ' +
    'accords:agreements approbation:approval ' +
    // United States
    'estadounidense:us estadounidenses:us unidos:us unis:us uniti:us förenta:us eua:us ' +
    'américain:american américaine:american américains:american américaines:american ' +
    'americano:american americana:american americanos:american americanas:american ' +
    'americani:american americane:american amerikanisch:american amerikanische:american ' +
    'amerikanischen:american amerikanischer:american amerikanisches:american ' +
    'amerikansk:american amerikanska:american amerikanskt:american amerikaans:american ' +
    'amerikaanse:american norte-americano:american norte-americana:american ' +
    'norte-americanos:american norteamericano:american norteamericana:american ' +
    'norteamericanos:american ' +
    // Pakistan
    'pakistán:pakistan paquistán:pakistan paquistão:pakistan pakistanais:pakistani ' +
    'pakistanaise:pakistani pakistanaises:pakistani paquistaní:pakistani pakistaní:pakistani ' +
    'paquistaníes:pakistani pakistaníes:pakistani paquistanês:pakistani paquistanesa:pakistani ' +
    'paquistaneses:pakistani pakistano:pakistani pakistana:pakistani pakistani:pakistani ' +
    'pakistane:pakistani pakistanische:pakistani pakistanischen:pakistani ' +
    'pakistanischer:pakistani pakistansk:pakistani pakistanska:pakistani pakistaanse:pakistani ' +
    'pakistaans:pakistani ' +
    // Saudi Arabia
    'saudí:saudi saudíes:saudi saudita:saudi sauditas:saudi saoudite:saudi saoudien:saudi ' +
    'saoudienne:saudi saoudiens:saudi saudisch:saudi saudische:saudi saudischen:saudi ' +
    'saudisk:saudi saudiska:saudi saoedi:saudi saoedische:saudi arabie:arabia arábia:arabia ' +
    'arabien:arabia arabië:arabia ' +
    // Canada
    'canadá:canada kanada:canada canadiense:canadian canadienses:canadian canadien:canadian ' +
    'canadienne:canadian canadiens:canadian canadense:canadian canadenses:canadian ' +
    'canadese:canadian canadesi:canadian kanadisch:canadian kanadische:canadian ' +
    'kanadischen:canadian kanadensisk:canadian kanadensiska:canadian canadees:canadian ' +
    // India
    'inde:india indien:india indiano:india indiani:india indisch:india ' +
    'indische:india indischen:india indisk:india indiska:india ' +
    // China
    'chine:china cina:china kina:china chinois:china chinoise:china chinoises:china ' +
    'chinês:china chinesa:china chineses:china cinese:china cinesi:china chinesisch:china ' +
    'chinesische:china chinesischen:china kinesisk:china kinesiska:china chinees:china ' +
    // Others of PLACES
    'alemania:germany allemagne:germany alemanha:germany germania:germany deutschland:germany ' +
    'tyskland:germany duitsland:germany francia:france frança:france frankreich:france ' +
    'frankrike:france frankrijk:france australie:australia austrália:australia ' +
    'australien:australia australië:australia japón:japan japon:japan japão:japan ' +
    'giappone:japan corea:korea corée:korea coreia:korea méxico:mexico mexique:mexico ' +
    'messico:mexico mexiko:mexico brasil:brazil brésil:brazil brasile:brazil ' +
    'brasilien:brazil brazilië:brazil perú:peru pérou:peru rusia:russia russie:russia ' +
    'rússia:russia russland:russia ryssland:russia rusland:russia'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);
