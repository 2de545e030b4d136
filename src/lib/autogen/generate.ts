/**
 * The automatic fact generator: from an Italian text alone, find the facts of every body
 * sentence (`facts.ts`), make the cards that suit each (`cards.ts`), then choose a deck that
 * grows with the text and covers every paragraph, asking each fact once.
 */
import type { Card, CardType } from '$lib/cards/types';
import type { Article } from '$lib/content/types';
import type { LemmaTable } from '$lib/lemma/types';
import { cardsForFact, type Context } from './cards';
import { claimOption, type Claim } from './claims';
import type { Pools } from './distractors';
import { factSpan, findFacts, type Fact, type TextFacts } from './facts';
import type { Entity } from './entities';
import { TITLES } from './names';
import { findPlace } from './places';
import { isSpeaker, speakerAnswer } from './speakers';

export { findFacts } from './facts';
export { findEntities, type Entity } from './entities';
export { findQuantities, type Quantity } from './quantities';
export { bodyText } from './text';

export interface AutoOptions {
	/** Shuffles options and picks distractors and true/false; never changes which facts are asked. */
	seed: number;
	/** Maximum number of cards; default: every fact worth asking, up to one per 12 body words. */
	limit?: number;
	/** The lemma table (server side): a better part-of-speech guide than the built-in one. */
	lemmas?: LemmaTable;
}

/** The deck has at least one card per 20 body words when the text has that much to ask… */
export const WORDS_PER_CARD = 20;
/** …and at most one per 12, so a dense text gets its facts asked without flooding the deck. */
export const MIN_WORDS_PER_CARD = 12;
/** No type may fill more than this share of a deck while another type is on offer. */
const MAX_TYPE_SHARE = 0.4;

/** How much a kind of fact is worth asking: who said what and key numbers first. */
function weight(fact: Fact): number {
	// What a source claims first, then who claims it: the claim is what a teacher asks.
	// A claim of figures is asked better by its figures ("Secondo il comitato, quanti alberi…").
	if (fact.kind === 'claim') {
		const { start, end } = fact.value.claim;
		return fact.at.quantities.some((q) => q.start >= start && q.end <= end) ? 3.4 : 5.2;
	}
	if (fact.kind === 'attribution') return 5;
	// The subject's action, its reason and purpose: what a teacher asks before a side detail.
	if (fact.kind === 'phrase')
		return fact.value.kind === 'role' ? 2.2 : fact.value.question ? 4.4 : 3.4;
	const v = fact.value;
	if (fact.kind === 'entity')
		return { person: 4.5, place: 3.6, org: 3.8, work: 4, name: 2.5 }[fact.value.kind];
	const q = fact.kind === 'quantity' ? fact.value : null;
	if (!q) return 1;
	// "dopo due anni di lavori", "ha due corsie": a small number in words is a side detail.
	if (q.kind === 'count' && q.format === 'words' && (q.value ?? 0) <= 10) return 3;
	if (q.kind === 'count') return q.unit ? 3.8 + Math.min(1, v.text.length / 10) : 2;
	return {
		percent: 4.2,
		money: 4.2,
		share: 4.2,
		month: 3.6,
		rank: 4,
		duration: 4.2,
		range: 4,
		year: 4,
		date: 4,
		century: 4,
		score: 3.9
	}[q.kind];
}

function pools(text: TextFacts): Pools {
	const entities = text.sentences.flatMap((s) => s.entities);
	const people = entities.filter((e) => e.kind === 'person');
	const speakers = text.sentences.flatMap((s) =>
		s.attribution ? [speakerAnswer(s.attribution, s, people)?.answer ?? ''].filter(Boolean) : []
	);
	const named = entities
		// Places named like organisations ("Pala Unipol", "Palazzo Fava") never speak.
		.filter((e) => (e.kind === 'person' && e.text.includes(' ')) || e.kind === 'org')
		.filter((e) => !/^(?:Pala|Palazzo|Teatro|Stadio|Museo|Piazza)\b/u.test(e.text))
		// "Monaco di Baviera", "Bologna": a town never speaks, whatever its span was read as.
		.filter((e) => e.kind === 'person' || !findPlace(e.text))
		.map((e) => e.short ?? e.text);
	// "la curatrice": the one person the text gives that role, in a title or beside a name.
	const roles = new Map<string, Set<string>>();
	for (const s of text.sentences) {
		const a = s.attribution;
		const person = a
			? s.entities.find(
					(e) => e.kind === 'person' && e.start >= a.speaker.start && e.end <= a.speaker.end
				)
			: undefined;
		const found: [string, Entity][] = person ? [[a!.speaker.text, person]] : [];
		for (const e of s.entities) if (e.kind === 'person' && e.title) found.push([e.title, e]);
		for (const [words, who] of found)
			for (const word of words.toLowerCase().split(/[\s’',]+/u))
				if (TITLES.m.has(word) || TITLES.f.has(word))
					roles.set(word, (roles.get(word) ?? new Set()).add(who.full ?? who.text));
	}
	const aliases = aliasesOf(entities);
	const source = (name: string) => aliases.get(name.toLowerCase()) ?? name.toLowerCase();
	const claims: Claim[] = text.sentences.flatMap((s) => {
		const a = s.attribution;
		const who = a && speakerAnswer(a, s, people);
		const option = a && claimOption(a);
		return who && option && isSpeaker(who.answer)
			? [
					{
						source: source(who.answer),
						speaker: who.answer,
						option,
						quote: a.quote,
						sentence: s.sentence.id,
						paragraph: s.sentence.paragraph,
						named: /^\p{Lu}/u.test(who.answer)
					}
				]
			: [];
	});
	return {
		roles: new Map(
			[...roles].filter(([, names]) => names.size === 1).map(([w, names]) => [w, [...names][0]])
		),
		entities,
		quantities: text.sentences.flatMap((s) => s.quantities),
		phrases: text.sentences.flatMap((s) => s.phrases),
		speakers: [...new Set([...speakers, ...named])].filter(isSpeaker),
		claims,
		authors: text.authors,
		aliases
	};
}

/** One key for every name of a source: the acronym, its expansion, both, and "l'ASL". */
function aliasesOf(entities: readonly Entity[]): Map<string, string> {
	const aliases = new Map<string, string>();
	for (const e of entities) {
		if (!e.acronym) continue;
		const key = e.acronym.toLowerCase();
		for (const name of [e.acronym, e.expansion!, e.text, e.short!])
			for (const form of [name, withArticle(name)]) aliases.set(form.toLowerCase(), key);
	}
	// "il sindacato" is the one union the text names ("il sindacato degli infermieri Nursind").
	const byNoun = new Map<string, Set<string>>();
	for (const e of entities)
		if (e.kind === 'org' && e.head && /^\p{Ll}/u.test(e.head))
			byNoun.set(e.head, (byNoun.get(e.head) ?? new Set()).add(e.text));
	for (const [noun, names] of byNoun) {
		if (names.size !== 1) continue;
		const [name] = names;
		const key = aliases.get(name.toLowerCase()) ?? name.toLowerCase();
		for (const article of ['il ', 'lo ', 'la ', 'l’', "l'"]) aliases.set(article + noun, key);
		aliases.set(noun, key).set(name.toLowerCase(), key);
	}
	return aliases;
}

const withArticle = (name: string) => (/^[AEIOU]/u.test(name) ? `l’${name}` : name);

/** Every fact of the body with the cards it can make, best first, before any is chosen. */
function candidatesOf(article: Article, options: AutoOptions) {
	const text = findFacts(article, options.lemmas);
	const ctx: Context = { slug: article.slug, seed: options.seed, pools: pools(text) };
	return { text, candidates: text.facts.map((fact) => ({ fact, cards: cardsForFact(fact, ctx) })) };
}

/**
 * Every card the facts of a text can make, chosen or not (a fact's types, both cards of an
 * attribution): what the deck chooses from, for tests and the review of a generated deck.
 */
export function candidateCards(article: Article, options: AutoOptions): Card[] {
	return candidatesOf(article, options).candidates.flatMap((c) => c.cards);
}

/**
 * Cards generated from an article's body, in text order: at least one per 20 words when the
 * text has that much to ask. Selection goes round the paragraphs, taking each one's best fact
 * not yet asked, so every paragraph is covered before any gets a second card; a fact (sentence
 * and answer) is asked once, by the card type that suits it, types kept in balance.
 * Same article and seed give the same cards; ids do not depend on the seed.
 */
export function generateAutoCards(article: Article, options: AutoOptions): Card[] {
	const { text, candidates } = candidatesOf(article, options);
	const limit = options.limit ?? Math.ceil(text.words / MIN_WORDS_PER_CARD);
	if (limit <= 0 || text.facts.length === 0) return [];
	const byParagraph = new Map<number, { fact: Fact; cards: Card[]; score: number }[]>();
	candidates.forEach(({ fact, cards }, order) => {
		if (!cards.length) return;
		const asksQuestion = cards[0].type !== 'true-false' && !cards[0].prompt.includes('_____');
		const score = weight(fact) + (asksQuestion ? 1 : 0) - order * 1e-6;
		const list = byParagraph.get(fact.at.sentence.paragraph) ?? [];
		list.push({ fact, cards, score });
		byParagraph.set(fact.at.sentence.paragraph, list);
	});
	for (const list of byParagraph.values()) list.sort((a, b) => b.score - a.score);

	const chosen: Card[] = [];
	const asked = new Set<string>();
	const perSentence = new Map<string, number>();
	const types = new Map<CardType, number>();
	/** One true/false statement per sentence: two would give each other away. */
	const judged = new Set<string>();
	const pick = (cards: Card[]): Card => {
		const share = (t: CardType) => (types.get(t) ?? 0) / Math.max(1, chosen.length);
		const fits = cards.filter((c) => c.type !== 'true-false' || !judged.has(c.source.sentence));
		return fits.find((c) => share(c.type) < MAX_TYPE_SHARE || chosen.length < 4) ?? fits[0];
	};
	for (let round = 0; chosen.length < limit; round++) {
		let added = false;
		for (const list of byParagraph.values()) {
			if (chosen.length >= limit) break;
			const open = ({ fact, cards }: { fact: Fact; cards: Card[] }) => {
				const key = `${fact.at.sentence.id}:${cards[0].sibling}`;
				const spanKey = `${fact.at.sentence.id}:${factSpan(fact).text.toLowerCase()}`;
				return (
					!asked.has(key) &&
					!asked.has(spanKey) &&
					(perSentence.get(fact.at.sentence.id) ?? 0) <= round
				);
			};
			// A sentence's second card only once every sentence of the paragraph has had one.
			const next =
				list.find((c) => open(c) && !perSentence.has(c.fact.at.sentence.id)) ?? list.find(open);
			if (!next) continue;
			const card = pick(next.cards);
			if (!card) {
				asked.add(`${next.fact.at.sentence.id}:${next.cards[0].sibling}`);
				continue;
			}
			if (card.type === 'true-false') judged.add(card.source.sentence);
			asked
				.add(`${next.fact.at.sentence.id}:${next.cards[0].sibling}`)
				.add(`${next.fact.at.sentence.id}:${factSpan(next.fact).text.toLowerCase()}`);
			perSentence.set(
				next.fact.at.sentence.id,
				(perSentence.get(next.fact.at.sentence.id) ?? 0) + 1
			);
			types.set(card.type, (types.get(card.type) ?? 0) + 1);
			chosen.push(card);
			added = true;
		}
		if (!added && round > 8) break;
	}
	const position = new Map(article.sentences.map((s) => [s.id, s.start]));
	return chosen.sort((a, b) => position.get(a.source.sentence)! - position.get(b.source.sentence)!);
}
