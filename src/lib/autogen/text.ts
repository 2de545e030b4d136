/**
 * Which sentences may be fact sources: body sentences only. The headline repeats the text and
 * the byline names the author; neither states a fact, and the author is never an answer or a
 * distractor. Both are recognised from the text itself, as pasted texts come without meta.
 */
import type { Article, Sentence } from '$lib/content/types';

/** "Di Giulia Marchetti", "di G. Marchetti", "By Luke Coffey": a line that only names an author. */
const BYLINE = /^(?:di|by|a cura di)\s+((?:\p{Lu}[\p{L}’'.-]*\s?){1,4})$/iu;

export interface BodyText {
	/** Sentences that may be fact sources, in text order. */
	sentences: Sentence[];
	/** The author's name, as the byline writes it, and its words: never answers. */
	authors: string[];
	/** Word tokens of the body: the deck grows with it. */
	words: number;
}

/** The body of a text: what is left when the headline, the byline and what follows are removed. */
export function bodyText(article: Article): BodyText {
	const authors = new Set<string>();
	if (article.meta.author) authors.add(article.meta.author);
	const excluded = new Set<number>();
	// A byline at the end is followed by a note on the author; one at the top, by the text itself.
	const bylineAt = article.paragraphs.findIndex((p) => p.role === 'byline');
	const noteIsAboutAuthor = bylineAt >= article.paragraphs.length / 2;
	for (const paragraph of article.paragraphs) {
		const text = article.body.slice(paragraph.start, paragraph.end).replace(/\s+/gu, ' ').trim();
		const byline = BYLINE.exec(text);
		if (paragraph.role === 'byline' || (byline && paragraph.sentences.length <= 2)) {
			excluded.add(paragraph.index);
			if (byline) authors.add(byline[1].trim());
		} else if (paragraph.role === 'headline' || (paragraph.index === 0 && isTitleLine(text))) {
			excluded.add(paragraph.index);
		} else if (paragraph.role === 'author-note' && noteIsAboutAuthor) excluded.add(paragraph.index);
	}
	const sentences = article.sentences.filter((s) => !excluded.has(s.paragraph));
	const words = sentences.reduce(
		(n, s) => n + s.tokens.filter((t) => t.kind === 'word' && !t.elided).length,
		0
	);
	const names = [...authors].flatMap((name) => [
		name,
		...name.split(/\s+/u).filter((w) => w.length > 2)
	]);
	return { sentences, authors: names, words };
}

/** A first line without final punctuation and under 25 words: a title. */
function isTitleLine(text: string): boolean {
	return !/[.!?»”"]$/u.test(text) && text.split(/\s+/u).length < 25;
}

/** True when `answer` is the author or a part of the author's name. */
export function isAuthor(answer: string, authors: readonly string[]): boolean {
	const lower = answer.toLowerCase();
	return authors.some((name) => {
		const n = name.toLowerCase();
		return lower === n || lower.includes(n) || (n.includes(lower) && lower.length > 2);
	});
}

/** Words that, opening a sentence, point back to an earlier one: "Lì conobbe…", "Questo intervento…". */
const CONTEXT_OPENERS = new Set(
	`questo questa questi queste quello quella quelli quelle quel quei ciò
	tale tali essi esse esso essa egli ella lui lei loro costui costei lì là qui poi inoltre quindi
	pertanto dunque ne gli le vi ci`.split(/\s+/u)
);

/**
 * Openings that name what an earlier sentence said: "La prima richiedeva…" (of two things named
 * before), "Di lui sono esposti…", "A descriverla è uno studio…", "Una circostanza che…".
 */
const POINTS_BACK = new RegExp(
	String.raw`^[\s«"“]*(?:` +
		String.raw`(?:di|a|per|con|su|da)\s+(?:lui|lei|loro|esso|essa)\b` +
		String.raw`|(?:a\s+)?\p{L}{3,}(?:ar|er|ir)(?:lo|la|li|le|ne)\s` +
		String.raw`|(?:una|la|questa)\s+(?:circostanza|ipotesi|decisione|scelta|notizia)\s+che\b` +
		// "Molti di loro…", "Alcuni di questi…": a part of someone named before.
		String.raw`|(?:molti|molte|alcuni|alcune|tanti|tante|pochi|poche|tutti|tutte|nessuno|ciascuno|ognuno|metà|parte)\s+(?:di|tra|fra)\s+(?:loro|questi|queste|essi|esse))`,
	'iu'
);

/** True when the sentence cannot be understood without the one before it. */
export function needsContext(text: string, secondPos?: string, thirdPos?: string): boolean {
	// "La prima richiedeva…": an ordinal standing for a noun named before, then its verb.
	const ordinal =
		/^[\s«"“]*(?:il|la|lo|l’|l')\s*(?:primo|prima|secondo|seconda|terzo|terza|ultimo|ultima|altro|altra)\s/iu.test(
			text
		) &&
		(thirdPos === 'VERB' || thirdPos === 'AUX');
	if (ordinal) return true;
	const first = /^[\s«"“]*(\p{L}+)/u.exec(text)?.[1]?.toLowerCase() ?? '';
	// "Le esportazioni…", "Gli operatori…": an article before a noun, not a pronoun.
	const article = /^(?:gli|le)$/u.test(first) && /^(?:NOUN|ADJ)$/u.test(secondPos ?? '');
	return (
		(CONTEXT_OPENERS.has(first) && !article) ||
		/^(?:il|la|i|le)\s+(?:suo|sua|suoi|sue|loro)\b/iu.test(text) ||
		POINTS_BACK.test(text)
	);
}
