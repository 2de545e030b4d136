/**
 * Is this text Italian? Function words give it away: in running Italian prose about a third of
 * the words are articles, prepositions, conjunctions and the like (36% in our article), and almost
 * none of them are English function words.
 */
const ITALIAN = new Set(
	(
		'il lo la i gli le un uno una di a da in con su per tra fra del dello della dei degli delle ' +
		'al allo alla ai agli alle dal dallo dalla dai dagli dalle nel nello nella nei negli nelle ' +
		'sul sullo sulla sui sugli sulle e ed o ma che non è sono ha hanno come anche più se quando ' +
		'questo questa questi queste quello quella cui si ci ne era essere stato stata già solo ' +
		'molto poi perché però quindi dove chi cosa mentre secondo verso senza dopo prima sempre'
	).split(' ')
);
const ENGLISH = new Set(
	(
		'the of and to in is was for on that with as by at from it an be are this which or his ' +
		'her their have has had not but were been they we you he she will would can about into'
	).split(' ')
);

/**
 * Function words of Italian's neighbours (French, Spanish, Portuguese, German) that are not
 * Italian words: a French or Spanish text has enough "la", "a" and "in" to pass for Italian on
 * Italian words alone, but not once its own are counted.
 */
const NEIGHBOURS = new Set(
	(
		'de des du et est une les pour dans pas au aux avec sont ont été était mais où elle cette ' +
		'leur nous vous par sur que el los las y es en por para como más pero sus este esta ' +
		'fue entre también muy hay desde cuando porque hasta os dos das em um uma não com ' +
		'ao foi são der die das und ist nicht mit den dem ein eine zu von auf für sich im wird'
	).split(' ')
);

export interface LanguageGuess {
	words: number;
	/** Share of words that are Italian function words. */
	italian: number;
	/** Share of words that are English function words. */
	english: number;
	/** Share of words that are function words of French, Spanish, Portuguese or German. */
	neighbours: number;
}

/** Counts function words of both languages in a sample of the text (its first 20,000 words). */
export function guessLanguage(text: string): LanguageGuess {
	const words =
		text
			.toLowerCase()
			.match(/\p{L}+/gu)
			?.slice(0, 20_000) ?? [];
	let italian = 0;
	let english = 0;
	let neighbours = 0;
	for (const word of words) {
		if (ITALIAN.has(word)) italian++;
		if (ENGLISH.has(word)) english++;
		if (NEIGHBOURS.has(word)) neighbours++;
	}
	const n = Math.max(words.length, 1);
	return {
		words: words.length,
		italian: italian / n,
		english: english / n,
		neighbours: neighbours / n
	};
}

/** True for Italian prose; false for other languages, word lists and too little text to tell. */
export function looksItalian(text: string): boolean {
	const guess = guessLanguage(text);
	return (
		guess.words >= 8 &&
		guess.italian >= 0.15 &&
		guess.italian > 2 * guess.english &&
		guess.italian > 2 * guess.neighbours
	);
}
