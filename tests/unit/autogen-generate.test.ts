import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bodyText } from '$lib/autogen/text';
import { findEntities } from '$lib/autogen/entities';
import { generateAutoCards, WORDS_PER_CARD } from '$lib/autogen/generate';
import { tagTokens } from '$lib/autogen/pos';
import { faultInContext } from '$lib/cards/agreement';
import { GAP, type Card } from '$lib/cards/types';
import { buildArticle } from '$lib/content/article';
import type { Article } from '$lib/content/types';
import { textToLibraryEntry } from '$lib/deck/input';
import { loadLemmaTable } from '$lib/server/lemmas';
import { loadRealArticle } from '../helpers/content';

const lemmas = loadLemmaTable();
const DEV = 'tests/fixtures/autogen-dev';
const NAMES = [
	'ponte-udine',
	'api-padova',
	'mostra-artemisia',
	'acciaieria-piemonte',
	'pallavolo-conegliano'
];
const texts = NAMES.map(
	(name) => textToLibraryEntry(`${name}.md`, readFileSync(`${DEV}/${name}.md`, 'utf8')).article
);
const decks = new Map<Article, Card[]>(
	texts.map((a) => [a, generateAutoCards(a, { seed: 7, lemmas })])
);
const all = [...decks.values()].flat();
const meta = { title: '', author: '', language: 'it' as const, description: '' };
const deckOf = (text: string, seed = 1) =>
	generateAutoCards(buildArticle('inline', 'prova', meta, text), { seed, lemmas });

describe('deck size and coverage', () => {
	it('makes at least one card per 20 body words and covers every paragraph', () => {
		for (const [article, cards] of decks) {
			const body = bodyText(article);
			expect(cards.length, article.slug).toBeGreaterThanOrEqual(
				Math.ceil(body.words / WORDS_PER_CARD)
			);
			const asked = new Set(
				cards.map((c) => article.sentences.find((s) => s.id === c.source.sentence)!.paragraph)
			);
			for (const s of body.sentences)
				expect(asked.has(s.paragraph), `${article.slug} ¶${s.paragraph}`).toBe(true);
		}
	});

	it('uses at least four card types on every text and asks a fact once', () => {
		for (const cards of decks.values()) {
			expect(new Set(cards.map((c) => c.type)).size).toBeGreaterThanOrEqual(4);
			const facts = cards.map((c) => c.sibling);
			expect(new Set(facts).size).toBe(facts.length);
			expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
		}
	});

	it('is the same for a seed, and its ids do not depend on the seed', () => {
		const [article] = texts;
		expect(generateAutoCards(article, { seed: 7, lemmas })).toEqual(decks.get(article));
		const other = generateAutoCards(article, { seed: 99, lemmas }).map((c) => c.id);
		expect(other).toEqual(decks.get(article)!.map((c) => c.id));
	});

	it('still makes a deck without the lemma table, with the built-in guide', () => {
		const cards = generateAutoCards(texts[0], { seed: 1 });
		expect(cards.length).toBeGreaterThanOrEqual(
			Math.ceil(bodyText(texts[0]).words / WORDS_PER_CARD)
		);
	});
});

describe('byline and headline', () => {
	it('never takes a fact from them, and never offers the author', () => {
		for (const [article, cards] of decks) {
			const body = new Set(bodyText(article).sentences.map((s) => s.id));
			const author = article.body
				.split('\n')
				.find((l) => l.startsWith('Di '))!
				.slice(3)
				.trim();
			for (const card of cards) {
				expect(body.has(card.source.sentence)).toBe(true);
				for (const text of [card.answer, ...card.options, card.prompt]) {
					expect(text).not.toContain(author.split(' ')[1]);
				}
			}
		}
	});
});

describe('questions in Italian', () => {
	const prompts = all.map((c) => c.prompt);
	it('asks who, how many, in what year, where, by whom, according to whom, whose words', () => {
		expect(prompts).toContain('Chi ha tagliato il nastro davanti a circa 300 persone?');
		expect(prompts).toContain('Quanti operai ha impiegato la Edilfriuli di Pordenone?');
		expect(prompts).toContain('In che anno è nata la fabbrica?');
		expect(prompts).toContain('Da chi è stata guidata la ricerca?');
		expect(prompts).toContain('Da quale fondazione è stata organizzata la mostra?');
		expect(prompts).toContain(
			'Davanti a quanti spettatori si è giocata domenica la partita al Pala Unipol di Bologna?'
		);
		expect(prompts.some((p) => p.startsWith('Secondo chi '))).toBe(true);
		expect(prompts.some((p) => p.startsWith('Di chi sono queste parole: «'))).toBe(true);
	});

	it('gives a numeric question its answer with the noun and qualifier, and a typed value', () => {
		const card = all.find(
			(c) => c.prompt === 'Chi ha tagliato il nastro davanti a circa 300 persone?'
		)!;
		// Two other women only in the text, and no made-up name beside them: typed, surname accepted.
		expect(card).toMatchObject({ type: 'open', answer: 'Chiara Bortolin', accept: ['Bortolin'] });
		const howMany = all.find((c) => c.prompt.startsWith('Secondo il comitato, quanti alberi'));
		expect(howMany).toMatchObject({
			type: 'numeric',
			answer: 'oltre 2.000 alberi',
			number: { value: 2000, qualifier: 'more-than' }
		});
	});

	it('never gives the answer away in the prompt, and never gaps a function word', () => {
		for (const card of all) {
			if (card.type === 'true-false') continue;
			expect(card.prompt.toLowerCase(), card.id).not.toContain(card.answer.toLowerCase());
			if (card.prompt.includes(GAP))
				expect(/^(?:il|la|di|che|e|a|in|per|non)$/iu.test(card.answer)).toBe(false);
		}
	});

	it('asks nothing of "Lì conobbe…"; "Resterà aperta…" only as a gap after the sentence before', () => {
		for (const card of all) {
			expect(card.source.text).not.toMatch(/^Lì\b/u);
			if (/^(?:Resterà|Ha vinto|Figlia)\b/u.test(card.source.text)) {
				expect(card.prompt).toContain(GAP);
				expect(card.prompt.startsWith(card.source.text.slice(0, 6))).toBe(false);
			}
		}
	});
});

describe('distractors', () => {
	it('gives a person distractors of the same gender', () => {
		for (const article of texts) {
			const body = bodyText(article);
			const tags = body.sentences.map((s) => tagTokens(s.tokens, lemmas));
			const gender = new Map(
				findEntities(body.sentences, tags)
					.flat()
					.filter((e) => e.kind === 'person' && e.gender)
					.map((e) => [e.text, e.gender])
			);
			for (const card of decks.get(article)!) {
				const g = gender.get(card.answer);
				if (!g || card.type !== 'multiple-choice') continue;
				for (const option of card.options)
					if (gender.has(option)) expect(gender.get(option), `${card.prompt} ${option}`).toBe(g);
			}
		}
	});

	it('fits every option to the article or preposition before the gap', () => {
		for (const card of all.filter((c) => c.type === 'multiple-choice' && c.prompt.includes(GAP))) {
			const at = card.prompt.indexOf(GAP);
			for (const option of card.options)
				expect(faultInContext(card.prompt, at, option), `${card.prompt} ← ${option}`).toBeNull();
		}
	});

	it('offers other regions for a region, in the same gender', () => {
		const cards = deckOf(
			'I dati raccolti in Veneto sono stati confrontati con quelli della Toscana e della Sicilia dal gruppo di ricerca.\n\nLo studio del Lazio è stato pubblicato ieri su una rivista scientifica molto nota.'
		);
		const veneto = cards.find((c) => c.answer === 'Veneto' && c.type === 'multiple-choice');
		expect(veneto?.options.sort()).toEqual(expect.arrayContaining(['Veneto']));
		for (const o of veneto!.options)
			expect([
				'Veneto',
				'Piemonte',
				'Lazio',
				'Abruzzo',
				'Molise',
				'Friuli Venezia Giulia',
				'Trentino-Alto Adige'
			]).toContain(o);
	});
});

describe('attribution', () => {
	it('asks a claim and its counter-claim, each with its source', () => {
		const cards = decks.get(texts[3])!; // acciaieria: the company vs the union
		const company = cards.find((c) => c.prompt.startsWith('Secondo chi il calo degli ordini'));
		const union = cards.find(
			(c) =>
				c.prompt.startsWith('Chi sostiene che l’azienda abbia investito') ||
				c.prompt.startsWith("Chi sostiene che l'azienda abbia investito")
		);
		expect(company?.answer).toBe("l'azienda");
		expect(union?.answer).toBe('FIOM-CGIL');
	});

	it('keeps the source in questions about a reported claim ("sarebbero stati rimossi")', () => {
		const cards = deckOf(
			'Il comitato dei residenti sostiene che il cantiere abbia danneggiato il fiume in modo grave.\n\nSecondo il comitato, durante i lavori sarebbero stati rimossi oltre 2.000 alberi lungo le rive.\n\nIl Comune risponde che gli alberi tagliati sono stati soltanto 350 in tutto il cantiere.'
		);
		const numeric = cards.filter(
			(c) => c.source.text.startsWith('Secondo il comitato') && c.type !== 'true-false'
		);
		expect(numeric.length).toBeGreaterThan(0);
		for (const card of numeric) expect(card.prompt).toMatch(/^Secondo /u);
	});

	it('makes a true/false claim false by swapping its speaker for another speaker of the text', () => {
		const statements = all.filter((c) => c.type === 'true-false');
		expect(statements.some((c) => c.answer === 'falso')).toBe(true);
		expect(statements.some((c) => c.answer === 'vero')).toBe(true);
		// A true statement says what its sentence says: its claim is the sentence's.
		for (const card of statements.filter(
			(c) => c.answer === 'vero' && / che |Secondo /u.test(c.prompt)
		)) {
			const claim = card.prompt
				.split(/ che |, /u)
				.at(-1)!
				.replace(/[.»]+$/u, '');
			expect(card.source.text).toContain(claim);
		}
	});
});

describe('other texts', () => {
	it('returns [] for an empty text, and a deck for the curated article', () => {
		expect(deckOf('')).toEqual([]);
		const real = generateAutoCards(loadRealArticle(), { seed: 1, lemmas });
		expect(real.length).toBeGreaterThan(20);
		expect(real.every((c) => !/Luke Coffey|Coffey/u.test([c.answer, ...c.options].join(' ')))).toBe(
			true
		);
	});
});

describe('coverage of key facts', () => {
	const lemmas = loadLemmaTable();
	const meta = { title: '', author: '', language: 'it' as const, description: '' };
	const cardsOf = (text: string) =>
		generateAutoCards(buildArticle('inline', 'prova', meta, text), { seed: 1, lemmas, limit: 200 });
	it('asks a sentence opening on "Le"/"Gli" + noun (an article, not a pronoun)', () => {
		const cards = cardsOf(
			'Le esportazioni delle Marche sono cresciute nel 2024 del 3,7 per cento e hanno raggiunto 16,2 miliardi di euro.'
		);
		expect(cards.some((c) => c.answer === '3,7')).toBe(true);
		expect(cards.some((c) => c.answer.startsWith('16,2 miliardi'))).toBe(true);
		// A decimal comma is no clause break: never "… delle Marche del 3?".
		for (const c of cards) expect(c.prompt).not.toMatch(/\d\?$/u);
	});
	it('asks a percentage written with "%" as "Di quanto…?", the whole figure out of the question', () => {
		const cards = cardsOf('Le esportazioni della regione sono cresciute del 3,7% nel 2024.');
		const card = cards.find((c) => c.prompt.startsWith('Di quanto'));
		expect(card?.prompt).toBe('Di quanto sono cresciute le esportazioni della regione nel 2024?');
		expect(card?.number?.value).toBe(3.7);
	});
	it('still skips a sentence opening on a pronoun "Le"', () => {
		expect(cardsOf('Le ha consegnato 300 euro in contanti.')).toEqual([]);
	});
});

describe('a sentence without its own subject', () => {
	const lemmas = loadLemmaTable();
	const meta = { title: '', author: '', language: 'it' as const, description: '' };
	const cardsOf = (text: string) =>
		generateAutoCards(buildArticle('inline', 'prova', meta, text), { seed: 1, lemmas, limit: 200 });
	it('gets a gap shown after the sentence that says what it is about, never a question', () => {
		const cards = cardsOf(
			'La mostra riunisce 48 opere arrivate da musei italiani e stranieri. Resterà aperta fino al 12 gennaio 2025.'
		);
		const date = cards.find((c) => c.answer === '12 gennaio 2025');
		expect(date?.prompt).toBe(
			`La mostra riunisce 48 opere arrivate da musei italiani e stranieri. Resterà aperta fino al ${GAP}.`
		);
		expect(date?.source.text).toBe('Resterà aperta fino al 12 gennaio 2025.');
		const own = cards.filter((c) => c.source.text.startsWith('Resterà'));
		for (const c of own) expect(c.prompt).toContain(GAP);
	});
	it('stays unasked when it opens a paragraph (nothing before it to show)', () => {
		const cards = cardsOf('Resterà aperta fino al 12 gennaio 2025.');
		expect(cards).toEqual([]);
	});
});

describe('main facts before side details', () => {
	const lemmas = loadLemmaTable();
	const meta = { title: '', author: '', language: 'it' as const, description: '' };
	it('gives every sentence of a paragraph a card before a second one, and "due anni" last', () => {
		const article = buildArticle(
			'inline',
			'prova',
			meta,
			'Il ponte è stato riaperto sabato 14 settembre, dopo due anni di lavori e una spesa di 4,8 milioni di euro. ' +
				'Il vecchio ponte era stato chiuso nel novembre 2022.'
		);
		const answers = generateAutoCards(article, { seed: 1, lemmas, limit: 3 }).map((c) => c.answer);
		expect(answers).toContain('2022');
		expect(answers).toContain('14 settembre');
		expect(answers).not.toContain('due');
	});
});
