import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lemmatize, readings } from '$lib/lemma/lemmatizer';
import { loadLemmaTable } from '$lib/server/lemmas';
import { tokenize } from '$lib/text/tokens';
import { loadRealArticle } from '../helpers/content';

const table = loadLemmaTable(join(import.meta.dirname, '..', '..'));
const article = loadRealArticle();

/** Lemma and POS of `form` as the lemmatizer reads it in the article's sentence containing `context`. */
function inArticle(context: string, form: string): string {
	const sentence = article.sentences.find((s) => s.text.includes(context));
	if (!sentence) throw new Error(`no sentence with "${context}"`);
	const start = sentence.start + sentence.text.indexOf(context);
	const word = lemmatize(sentence.tokens, table).find(
		(w) => w.token.text === form && w.token.start >= start
	);
	return word?.best ? `${word.best.lemma} ${word.best.pos}` : 'unknown';
}

describe('the lemmatizer on hand-checked forms of the article', () => {
	it.each([
		['Dopo aver subito perdite', 'subito', 'subire VERB'],
		['Quella clausola è già stata testata', 'stata', 'essere VERB'],
		['Quella clausola è già stata testata', 'testata', 'testare VERB'],
		['Il ministro degli Esteri russo', 'russo', 'russo ADJ'],
		['sono state inviate a Kursk', 'sono', 'essere VERB'],
		['sono state inviate a Kursk', 'inviate', 'inviare VERB'],
		['la Corea del Nord ha risposto', 'risposto', 'rispondere VERB'],
		['più di 10.000 truppe nordcoreane', 'truppe', 'truppa NOUN'],
		['più di 10.000 truppe nordcoreane', 'nordcoreane', 'nordcoreano ADJ'],
		['a sostenersi a vicenda', 'sostenersi', 'sostenere VERB'],
		['si sono rapidamente adattate', 'rapidamente', 'rapidamente ADV'],
		['sta attualmente visitando', 'visitando', 'visitare VERB'],
		['Il rapporto tra i Paesi è cresciuto', 'cresciuto', 'crescere VERB'],
		['Il rapporto tra i Paesi è cresciuto', 'Paesi', 'paese NOUN'],
		['ha sostenuto la guerra', 'sostenuto', 'sostenere VERB'],
		['La Corea del Nord ha sostenuto la guerra', 'guerra', 'guerra NOUN'],
		['gli fu ordinato di uccidersi', 'uccidersi', 'uccidere VERB'],
		['cosa ottiene in cambio', 'ottiene', 'ottenere VERB'],
		['avrebbe sparato decine di migliaia', 'avrebbe', 'avere VERB'],
		['la più ampia comunità', 'ampia', 'ampio ADJ'],
		['dell’intelligence', 'dell’', 'di+il PREP+ART'],
		['delle loro controparti russe', 'controparti', 'controparte NOUN'],
		// After a name the table does not know, the adjective, not a noun or russare ("to snore").
		['nell’Oblast russo di Kursk', 'russo', 'russo ADJ'],
		['come la Lancet russa', 'russa', 'russo ADJ'],
		// After an adjective, the noun (sistema), not the verb (sistemare).
		['ulteriori sistemi di artiglieria', 'sistemi', 'sistema NOUN']
	])('in “%s”, %s is %s', (context, form, expected) => {
		expect(inArticle(context, form)).toBe(expected);
	});

	it('reads subito as the adverb where no auxiliary comes before it', () => {
		const words = lemmatize(tokenize('Vieni subito qui.'), table);
		expect(words[1].best).toMatchObject({ lemma: 'subito', pos: 'ADV' });
	});

	it('knows nothing of proper names, foreign words and the source’s typos', () => {
		expect(readings('riconsestare', table)).toEqual([]);
		expect(readings('dissuasire', table)).toEqual([]);
		expect(readings('Pyongyang', table)).toEqual([]);
	});

	it('gives a reading to most forms of the article', () => {
		const forms = new Set(
			article.sentences.flatMap((s) => s.tokens.filter((t) => t.kind === 'word').map((t) => t.text))
		);
		const known = [...forms].filter((form) => readings(form, table).length > 0);
		expect(known.length / forms.size).toBeGreaterThan(0.85);
	});
});
