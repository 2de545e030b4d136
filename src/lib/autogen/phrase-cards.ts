/**
 * Cards for facts whose answer is a phrase (`phrases.ts`): the question with the other reasons,
 * purposes or decisions of the text as options; typed when the text has too few of them; a gap
 * over the phrase's head when no clean question can be asked.
 */
import { GAP, type Card } from '$lib/cards/types';
import { rngFor, shuffled } from '$lib/random/prng';
import { cardMaker, type Context } from './cards';
import type { SentenceFacts } from './facts';
import type { Phrase } from './phrases';
import { TITLES } from './names';
import { wellFormed } from './questions';
import { genderOf } from './roles';

/** The first word the question's grammar asks of every option ("a …" after "A che cosa serve"). */
const lead = (p: Phrase) =>
	p.kind === 'purpose' ? p.text.split(/\s/u)[0].toLowerCase() : p.kind === 'role' ? p.gender : '';

/**
 * An option the question's grammar allows: the same lead word; for a role, the same gender, or
 * one whose words do not show it ("docente di igiene" fits a man and a woman).
 */
const fits = (p: Phrase, asked: Phrase) =>
	lead(p) === lead(asked) || (p.kind === 'role' && genderOf(p.text) === undefined);

const SUBORDINATE_FIRST =
	/^\p{Lu}\p{Ll}*(?:\s\p{Ll}+){0,2}\s(?:Dove|Quando|Se|Mentre|Poiché|Siccome|Benché|Sebbene|Anche se|Dopo|Prima)\s/u;

export function phraseCards(phrase: Phrase, at: SentenceFacts, ctx: Context): Card[] {
	const a = at.attribution;
	// Inside what someone says, or in the conditional of reported speech: not the text's fact,
	// unless the question keeps its source ("Secondo l’ex sindaco, perché …?").
	const sourced = /^(?:Secondo|Stando a)\s/u.test(phrase.question ?? '');
	const claimed = a && phrase.start >= a.claim.start && phrase.end <= a.claim.end;
	if ((at.reported || claimed) && !(sourced && a && !a.quote)) return [];
	const s = at.sentence;
	// Every word of the answer must be a word the lemma table knows, or a noun it derives (the
	// feminine of a known title: la sindaca, l'assessora): a misprint of the source (riconsestare)
	// must never become an answer to learn. Without the table nothing is known, so phrases are
	// asked only of texts generated with it.
	const words = at.tags.filter(
		(t) =>
			t.token.kind === 'word' &&
			t.token.start >= phrase.start &&
			t.token.end <= phrase.end &&
			/^\p{Ll}/u.test(t.token.text)
	);
	// A title of our own list ("geriatra") is a known word whatever the table says.
	const listed = (w: string) => TITLES.f.has(w) || TITLES.m.has(w);
	if (
		words.some(
			(t) =>
				(!t.best || (t.best.guessed && t.best.pos !== 'NOUN')) &&
				!listed(t.token.text.toLowerCase())
		)
	)
		return [];
	if (!phrase.question) {
		const head = phrase.head!;
		// A gap of more than three words asks for a sentence, not a word or a name.
		if (head.text.trim().split(/\s+/u).length > 3) return [];
		// "a causa della scarsità": a head that starts inside "della" leaves "del_____"; the
		// article stays in the text and the noun is the gap.
		let from = head.start - s.start;
		let answer = head.text;
		if (/\p{L}/u.test(s.text[from - 1] ?? '')) {
			const firstWord = /^\S+\s+/u.exec(answer);
			if (!firstWord) return [];
			from += firstWord[0].length;
			answer = answer.slice(firstWord[0].length);
		}
		const make = cardMaker(ctx.slug, s, answer);
		const prompt = s.text.slice(0, from) + GAP + s.text.slice(head.end - s.start);
		return [make('cloze', prompt)];
	}
	// "Perché Dove mancavano le scene, …": a sentence opening on a clause of its own is no question.
	if (SUBORDINATE_FIRST.test(phrase.question) || !wellFormed(phrase.question)) return [];
	const make = cardMaker(ctx.slug, s, phrase.text);
	const others = [
		...new Set(
			ctx.pools.phrases
				.filter(
					(p) =>
						p.kind === phrase.kind &&
						(p.start < s.start || p.start >= s.end) &&
						fits(p, phrase) &&
						p.text.toLowerCase() !== phrase.text.toLowerCase()
				)
				.map((p) => p.text)
		)
	];
	if (others.length >= 3) {
		const rng = rngFor(`${make.sibling}:options`, ctx.seed);
		const wrong = shuffled(others, rng).slice(0, 3);
		return [
			make('multiple-choice', phrase.question, {
				options: shuffled([phrase.text, ...wrong], rngFor(`${make.sibling}:order`, ctx.seed))
			})
		];
	}
	// "perché il caldo riduce…": the answer without its "perché", "a", "di" is still right.
	const bare = phrase.text.replace(/^(?:(?:perché|per|a|ad|di|il|lo|la)\s+|l[’'])/iu, '');
	// Its head ("il caldo riduce la quantità") names the fact too.
	const head = phrase.head && phrase.head.text.split(/\s+/u).length >= 3 ? [phrase.head.text] : [];
	// "geriatra e responsabile del progetto": each of the roles joined by "e" is a right answer.
	const parts = phrase.kind === 'role' ? phrase.text.split(/\s+e\s+/u) : [];
	const accept = [...new Set([bare, ...head, ...(parts.length > 1 ? parts : [])])].filter(
		(v) => v !== phrase.text
	);
	return [make('open', phrase.question, { accept })];
}
