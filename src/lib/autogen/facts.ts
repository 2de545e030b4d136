/**
 * Facts first: the distinct things each body sentence says — its quantities, dates and names,
 * and who says what. Cards are chosen for each fact afterwards (`cards.ts`).
 */
import type { Article, Sentence } from '$lib/content/types';
import type { LemmaTable } from '$lib/lemma/types';
import { findAttribution, isReported, type Attribution } from './attribution';
import { mainClause, type Clause } from './clause';
import { findEntities, type Entity } from './entities';
import { tagTokens, type Tagged } from './pos';
import { findPhrases, type Phrase } from './phrases';
import { findQuantities, type Quantity } from './quantities';
import { findRoles } from './roles';
import { bodyText, isAuthor, needsContext } from './text';

/** One sentence with what the generator knows of it. */
export interface SentenceFacts {
	sentence: Sentence;
	tags: Tagged[];
	clause: Clause | null;
	entities: Entity[];
	quantities: Quantity[];
	/** Reasons, purposes and decisions: answers that are a phrase. */
	phrases: Phrase[];
	attribution: Attribution | null;
	/** Conditional of reported speech: asked as "Secondo …". */
	reported: boolean;
	/** Opens with a word pointing back ("Lì", "Questo"): no question can stand alone. */
	needsContext: boolean;
	/**
	 * Of a sentence whose verb has no subject of its own ("Resterà aperta fino al…"): the
	 * sentence before it in the paragraph, shown before a gap so the card says who it is about.
	 */
	context?: Sentence;
}

export type Fact =
	| { kind: 'quantity'; at: SentenceFacts; value: Quantity }
	| { kind: 'entity'; at: SentenceFacts; value: Entity }
	| { kind: 'attribution'; at: SentenceFacts; value: Attribution }
	/** What the source says, asked as the answer ("Che cosa sostiene X?"). */
	| { kind: 'claim'; at: SentenceFacts; value: Attribution }
	| { kind: 'phrase'; at: SentenceFacts; value: Phrase };

export interface TextFacts {
	sentences: SentenceFacts[];
	facts: Fact[];
	authors: string[];
	words: number;
}

/** Every fact of the body, in text order. */
export function findFacts(article: Article, lemmas?: LemmaTable): TextFacts {
	const body = bodyText(article);
	const tags = body.sentences.map((s) => tagTokens(s.tokens, lemmas));
	const entities = findEntities(body.sentences, tags);
	const sentences: SentenceFacts[] = body.sentences.map((sentence, i) => {
		const attribution = findAttribution(sentence, tags[i]);
		return {
			sentence,
			tags: tags[i],
			clause: mainClause(sentence, tags[i]),
			entities: entities[i].filter((e) => !isAuthor(e.text, body.authors)),
			quantities: findQuantities(sentence),
			phrases: [...findPhrases(sentence, tags[i]), ...findRoles(sentence, entities[i])],
			attribution,
			reported: isReported(tags[i]),
			needsContext:
				needsContext(sentence.text, tags[i][1]?.best?.pos, tags[i][2]?.best?.pos) ||
				// "«Abbiamo indagato…», dice Luca Mancini": the quote's speaker is its subject.
				(!attribution?.quote && proDrop(sentence, tags[i]))
		};
	});
	sentences.forEach((at, i) => {
		const before = sentences[i - 1];
		if (
			at.needsContext &&
			!needsContext(at.sentence.text, at.tags[1]?.best?.pos, at.tags[2]?.best?.pos) &&
			before &&
			before.sentence.paragraph === at.sentence.paragraph &&
			!before.needsContext &&
			before.sentence.text.split(/\s+/u).length <= 25
		)
			at.context = before.sentence;
	});
	const facts: Fact[] = [];
	/** "Chi è Chiara Bortolin?" is asked once, where the text first says who she is. */
	const introduced = new Set<string>();
	for (const at of sentences) {
		at.phrases = at.phrases.filter(
			(p) => p.kind !== 'role' || (!introduced.has(p.question!) && introduced.add(p.question!))
		);
		if (at.attribution && !isAuthor(at.attribution.speaker.text, body.authors)) {
			facts.push({ kind: 'attribution', at, value: at.attribution });
			facts.push({ kind: 'claim', at, value: at.attribution });
		}
		for (const value of at.quantities) facts.push({ kind: 'quantity', at, value });
		for (const value of at.phrases) facts.push({ kind: 'phrase', at, value });
		for (const value of at.entities) {
			// The speaker is asked through the attribution; a place or a body named inside a
			// longer subject ("un consorzio con sede a Monaco di Baviera") is a fact of its own.
			const speaker = at.attribution?.speaker;
			const inside = speaker && value.start >= speaker.start && value.end <= speaker.end;
			const isTheSpeaker =
				value.kind === 'person' || (speaker ? speaker.text.length - value.text.length <= 6 : false);
			if (inside && isTheSpeaker) continue;
			facts.push({ kind: 'entity', at, value });
		}
	}
	return { sentences, facts, authors: body.authors, words: body.words };
}

/** The span a fact's answer covers in the body. */
export function factSpan(fact: Fact): { start: number; end: number; text: string } {
	if (fact.kind === 'attribution') return fact.value.speaker;
	return fact.kind === 'claim' ? fact.value.claim : fact.value;
}

/**
 * A sentence whose verb has no subject of its own ("Resterà aperta fino al…", "Figlia del
 * pittore X, imparò…"): who it is about is in an earlier sentence, so nothing can be asked.
 */
function proDrop(sentence: Sentence, tags: readonly Tagged[]): boolean {
	// Without the lemma table: a sentence opening on a verb in -à/-ò ("Resterà", "Lavorò"), or a
	// bare noun and a comma before one ("Figlia del pittore X, imparò").
	const verbFirst = /^\p{Lu}\p{Ll}+[àò]\s|^\p{Lu}\p{Ll}+\s[^,]+,\s\p{Ll}+[àò]\s/u;
	if (!tags[0]?.best && verbFirst.test(sentence.text)) return true;
	const clause = mainClause(sentence, tags);
	if (!clause) return false;
	const [from, to] = clause.subject;
	const verbAt = clause.verb[0];
	// "Resterà aperta…", "Ha vinto anche…", "È la conclusione di uno studio…": of what, the
	// sentence before says.
	if (verbAt === 0) return true;
	if (from === to)
		return clause.frame[1] === verbAt && clause.rest[0] >= sentence.tokens.length - 1;
	const beforeVerb = sentence.text.slice(
		sentence.tokens[to - 1].end - sentence.start,
		sentence.tokens[verbAt].start - sentence.start
	);
	// A bare noun and a comma before the verb: an apposition, not a subject.
	return /,/u.test(beforeVerb) && tags[from].best?.pos === 'NOUN';
}
