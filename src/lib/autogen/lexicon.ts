/**
 * Small hand-written word lists for Italian. They stand in for a part-of-speech tagger, which no
 * npm package offers for Italian (see /work/shared/notes/italian-nlp.md): function words are a
 * closed class, so a compact list catches them; everything else long and lower-case is treated
 * as a content word.
 */

const words = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/u).filter(Boolean));

/**
 * Italian function words, lower-cased: articles, prepositions (simple and articulated), pronouns,
 * possessives, conjunctions, frequent adverbs, auxiliary and modal verb forms. Not a frequency
 * list: `governo`, `anni`, `paese` carry meaning and are left out on purpose (the `stopwords`
 * packages list them, the notes measured); `stato` is in, as the participle is far more common.
 */
export const STOPWORDS: ReadonlySet<string> = words(`
	il lo la i gli le un uno una l un' l' gl
	di a da in con su per tra fra
	del dello della dei degli delle al allo alla ai agli alle dal dallo dalla dai dagli dalle
	nel nello nella nei negli nelle sul sullo sulla sui sugli sulle col coi dell all nell dall sull
	io tu lui lei noi voi loro esso essa essi esse egli ella mi ti si ci vi ne me te se sé
	lo gli glielo mio mia miei mie tuo tua tuoi tue suo sua suoi sue nostro nostra nostri nostre
	vostro vostra vostri vostre
	che chi cui quale quali quanto quanta quanti quante cosa qualcosa qualcuno qualsiasi qualunque
	questo questa questi queste quello quella quelli quelle quel quei ciò tale tali stesso stessa
	stessi stesse altro altra altri altre ogni ognuno ciascuno ciascuna nessuno nessuna alcuni alcune
	alcuno alcuna molto molta molti molte poco poca pochi poche tanto tanta tanti tante troppo tutto
	tutta tutti tutte entrambi entrambe certo certi certe
	e ed o od ma però anche anzi oppure eppure neppure nemmeno neanche né sia non più meno
	se come quando dove mentre perché poiché affinché benché sebbene finché dunque quindi allora
	cioè infatti inoltre invece tuttavia pertanto comunque ovvero ossia nonostante
	già ancora sempre mai ora adesso poi prima dopo oggi ieri domani qui qua lì là così bene male
	solo soltanto proprio quasi circa oltre ecco forse piuttosto finora tanto spesso insieme
	secondo durante verso contro senza sotto sopra dentro fuori presso attraverso lungo mediante
	essere è sono sei siamo siete era erano ero eri eravamo fu furono sarà saranno sarebbe
	sarebbero sia siano fosse fossero stato stata stati state essendo
	avere ho hai ha abbiamo avete hanno aveva avevano avrà avranno avrebbe avrebbero abbia abbiano
	avesse avessero avuto avuta avuti avute avendo
	potere può possono potrebbe potrebbero poteva potevano potuto dovere deve devono dovrebbe
	dovrebbero doveva dovevano dovuto volere vuole vogliono vorrebbe vogliano fare fa fanno fatto
	stare sta stanno stava stavano
	uno due tre quattro cinque sei sette otto nove dieci cento mille
`);

/**
 * Words that need an earlier sentence to be understood when they open a sentence: a cloze made
 * from "Questo intervento ha avuto un costo elevato" cannot be answered from the sentence alone.
 */
export const CONTEXT_OPENERS: ReadonlySet<string> = words(`
	questo questa questi queste quello quella quelli quelle quel quei ciò tale tali
	essi esse esso essa egli ella lui lei loro costui costei costoro
	qui lì là poi inoltre quindi pertanto dunque
`);

/** Two-word openers that point back the same way ("Gli fu ordinato…", "Le loro regole…"). */
export const CONTEXT_OPENER_PAIRS: ReadonlySet<string> = words(`
	gli_fu le_fu gli_era le_loro i_loro il_loro la_loro il_suo la_sua i_suoi le_sue
	lo_stesso la_stessa gli_stessi le_stesse
`);

/**
 * Non-words never to be taught: typos in the source article (`riconsestare` for riconquistare,
 * `dissuasire` for dissuadere, measured in the notes). A cloze would make the learner type them.
 */
export const NON_WORDS: ReadonlySet<string> = words('riconsestare dissuasire');

/** English loanwords common in Italian news: not Italian vocabulary to be learned by cloze. */
export const LOANWORDS: ReadonlySet<string> = words(`
	source open feed social media leader know how drone online smartphone software hardware
	premier manager business summit briefing partner report
`);

/**
 * Articles and prepositions after which a noun usually follows; a content word right after one
 * is most likely a noun, the best kind of gap (Becker et al. 2012).
 */
export const DETERMINERS: ReadonlySet<string> = words(`
	il lo la i gli le un uno una l' un' l’ un’
	di a da in con su per tra fra
	del dello della dei degli delle al allo alla ai agli alle dal dallo dalla dai dagli dalle
	nel nello nella nei negli nelle sul sullo sulla sui sugli sulle
	dell' all' nell' dall' sull' dell’ all’ nell’ dall’ sull’
`);

/** True for a function word (case-insensitive; a trailing apostrophe is ignored). */
export function isStopword(word: string): boolean {
	return STOPWORDS.has(word.toLowerCase().replace(/['’]$/u, ''));
}

let monthCache: readonly string[] | undefined;

/** Italian month names, lower-case, January first, from `Intl` so no list is typed by hand. */
export function monthNames(): readonly string[] {
	monthCache ??= Array.from({ length: 12 }, (_, month) =>
		new Intl.DateTimeFormat('it', { month: 'long', timeZone: 'UTC' }).format(
			new Date(Date.UTC(2020, month, 15))
		)
	);
	return monthCache;
}
