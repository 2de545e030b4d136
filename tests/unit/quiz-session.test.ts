import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/cards/types';
import { AnswerLog } from '$lib/server/quiz/answers';
import { PracticeQuiz, type Visit } from '$lib/server/quiz/session';
import { readQuizToken, signQuizToken, type QuizState } from '$lib/server/quiz/token';

const key = randomBytes(32);
const anna = { key, visitor: 'anna-visitor-id-000000', article: 'mosca-pyongyang' };
const state: QuizState = {
	epoch: 7,
	seq: 42,
	round: 40,
	seed: 123456789,
	track: 'vocab',
	size: 20,
	pick: 0xfffff,
	missed: 0b101,
	index: 3,
	score: 1
};

/** The token with one character changed (to another that keeps it well formed). */
function flip(token: string, at: number): string {
	const other = token[at] === 'A' ? 'B' : 'A';
	return token.slice(0, at) + other + token.slice(at + 1);
}

describe('the quiz token', () => {
	it('reads back exactly what was signed, and is short enough for a URL', () => {
		const token = signQuizToken(state, anna);
		expect(token).toMatch(/^[A-Za-z0-9_-]{87}$/);
		expect(readQuizToken(token, anna)).toEqual({ ok: true, state });
	});

	it('is refused when any character was changed', () => {
		const token = signQuizToken(state, anna);
		// Every position: the version, the score byte, the MAC itself…
		for (let at = 0; at < token.length - 1; at++) {
			expect(readQuizToken(flip(token, at), anna)).toEqual({ ok: false, problem: 'tampered' });
		}
		// …and the last character, whose spare bits must not give a second spelling of a token.
		expect(readQuizToken(flip(token, token.length - 1), anna).ok).toBe(false);
	});

	it('cannot be given a higher score without the key', () => {
		const forged = signQuizToken(
			{ ...state, score: 3, missed: 0 },
			{ ...anna, key: randomBytes(32) }
		);
		expect(readQuizToken(forged, anna)).toEqual({ ok: false, problem: 'tampered' });
	});

	it('belongs to one visitor and one article', () => {
		const token = signQuizToken(state, anna);
		expect(readQuizToken(token, { ...anna, visitor: 'bruno-visitor-id-00000' })).toEqual({
			ok: false,
			problem: 'foreign'
		});
		expect(readQuizToken(token, { ...anna, article: 'another-article' })).toEqual({
			ok: false,
			problem: 'other-article'
		});
	});

	it('calls anything that is not a token malformed, without throwing', () => {
		const token = signQuizToken(state, anna);
		for (const bad of [
			undefined,
			null,
			5,
			'',
			'abc',
			token.slice(1),
			`${token}A`,
			`${token.slice(0, -1)}+`
		]) {
			expect(readQuizToken(bad, anna)).toEqual({ ok: false, problem: 'malformed' });
		}
	});

	it('refuses to sign a score above the number of questions answered', () => {
		expect(() => signQuizToken({ ...state, score: 4 }, anna)).toThrow(RangeError);
	});
});

function card(n: number, answer: string): Card {
	return {
		id: `art:fact-${n}:open`,
		track: 'facts',
		type: 'open',
		origin: 'curated',
		sibling: `fact-${n}`,
		prompt: `Domanda ${n}?`,
		prompt_en: `Question ${n}?`,
		answer,
		accept: [],
		options: [],
		source: { article: 'art', sentence: `s${n}`, text: `Frase ${n}.` }
	};
}

const cards = [card(1, 'Roma'), card(2, 'Milano'), card(3, 'Napoli')];
const draw = () => cards;
const visit: Visit = { visitor: 'anna-visitor-id-000000', article: 'art' };

/** The id of the question `token` is at, as its page shows it ('' when none is shown). */
function questionOf(quiz: PracticeQuiz, token: string): string {
	const view = quiz.view(token, visit, draw);
	return view.kind === 'question' || view.kind === 'answered' ? view.questionId : '';
}

/** Answers the current question of `token`, expecting success; returns the next token. */
function answerOk(quiz: PracticeQuiz, token: string, given: string, at = visit) {
	const view = quiz.view(token, at, draw);
	if (view.kind !== 'question') throw new Error(`expected a question, got ${view.kind}`);
	const outcome = quiz.answer(token, at, draw, { question: view.questionId, given });
	if (!outcome.ok) throw new Error(outcome.problem);
	return outcome;
}

describe('the practice quiz', () => {
	it('grades each question once, counts the score itself and finishes', () => {
		const quiz = new PracticeQuiz(key);
		let token = quiz.start(visit, 1);
		token = answerOk(quiz, token, 'Roma').next;
		token = answerOk(quiz, token, 'Torino').next;
		token = answerOk(quiz, token, 'Napoli').next;
		expect(quiz.view(token, visit, draw)).toEqual({
			kind: 'done',
			track: 'facts',
			total: 3,
			score: 2,
			missed: [{ card: cards[1], given: 'Torino' }]
		});
	});

	it('grades only the question the token is at, never another card sent in the form', () => {
		const quiz = new PracticeQuiz(key);
		const token = quiz.start(visit, 1);
		expect(quiz.answer(token, visit, draw, { question: cards[2].id, given: 'x' })).toEqual({
			ok: false,
			problem: 'other-question'
		});
		// Nothing was used up: the question is still open.
		expect(quiz.view(token, visit, draw).kind).toBe('question');
	});

	it('names its questions by ids that say nothing of the card, one per quiz and place', () => {
		const quiz = new PracticeQuiz(key);
		const idOf = (token: string) => questionOf(quiz, token);
		const first = quiz.start(visit, 1);
		const id = idOf(first);
		expect(id).toMatch(/^[\w-]{16}$/);
		for (const c of cards) expect(id).not.toContain(c.id);
		// The same card in another quiz, or at another place, has another id.
		expect(idOf(quiz.start(visit, 2))).not.toBe(id);
		expect(idOf(answerOk(quiz, first, 'Roma').next)).not.toBe(id);
		// …and a page that reloads the same question gets the same one.
		expect(idOf(quiz.start(visit, 1))).toBe(id);
	});

	it('shows the first result again after a reload and ignores a second answer', () => {
		const quiz = new PracticeQuiz(key);
		const first = quiz.start(visit, 1);
		const wrong = answerOk(quiz, first, 'Torino');
		expect(wrong.result.verdict).toBe('wrong');

		const reloaded = quiz.view(first, visit, draw);
		expect(reloaded).toMatchObject({ kind: 'answered', score: 0, next: wrong.next });
		expect(reloaded.kind === 'answered' && reloaded.result.verdict).toBe('wrong');

		const question = reloaded.kind === 'answered' ? reloaded.questionId : '';
		const again = quiz.answer(first, visit, draw, { question, given: 'Roma' });
		expect(again).toMatchObject({ ok: true, replayed: true, next: wrong.next });
		expect(again.ok && again.result.verdict).toBe('wrong');
	});

	it("refuses another visitor's token, for viewing and for answering", () => {
		const quiz = new PracticeQuiz(key);
		const token = quiz.start(visit, 1);
		const bruno = { ...visit, visitor: 'bruno-visitor-id-00000' };
		expect(quiz.view(token, bruno, draw)).toEqual({ kind: 'refused', problem: 'foreign' });
		expect(quiz.answer(token, bruno, draw, { question: 'q', given: 'Roma' })).toEqual({
			ok: false,
			problem: 'foreign'
		});
		expect(quiz.view(token, visit, draw).kind).toBe('question');
	});

	it('after a restart, refuses open questions it can no longer vouch for but still shows scores', () => {
		const before = new PracticeQuiz(key);
		const open = before.start(visit, 1);
		const question = questionOf(before, open);
		const finished = answerOk(
			before,
			answerOk(before, answerOk(before, open, 'Roma').next, 'Milano').next,
			'x'
		).next;

		const after = new PracticeQuiz(key); // same key from the data folder, new record
		expect(after.view(open, visit, draw)).toEqual({ kind: 'refused', problem: 'expired' });
		expect(after.answer(open, visit, draw, { question, given: 'Roma' })).toEqual({
			ok: false,
			problem: 'expired'
		});
		// The token knows which question was missed; what was answered went with the record.
		expect(after.view(finished, visit, draw)).toEqual({
			kind: 'done',
			track: 'facts',
			total: 3,
			score: 2,
			missed: [{ card: cards[2], given: undefined }]
		});
	});

	it('never reopens a question the bounded record has forgotten', () => {
		const quiz = new PracticeQuiz(key, new AnswerLog(2));
		const waiting = quiz.start(visit, 1); // shown, but answered only later
		const first = quiz.start(visit, 2);
		const question = questionOf(quiz, first);
		const second = answerOk(quiz, first, 'Torino').next;
		answerOk(quiz, quiz.start(visit, 3), 'Roma');
		answerOk(quiz, quiz.start(visit, 4), 'Roma'); // a third answer: the record drops `first`

		// `first` was answered wrong: once forgotten it must not be answerable again…
		expect(quiz.answer(first, visit, draw, { question, given: 'Roma' })).toEqual({
			ok: false,
			problem: 'expired'
		});
		// …nor can a question shown before it, since the record cannot tell whether it was answered.
		expect(quiz.view(waiting, visit, draw)).toEqual({ kind: 'refused', problem: 'expired' });
		// Questions shown after the forgotten answer are untouched.
		expect(quiz.view(second, visit, draw).kind).toBe('question');
		expect(quiz.view(quiz.start(visit, 5), visit, draw).kind).toBe('question');
	});

	it('tells a page whose questions changed, instead of grading another card', () => {
		const quiz = new PracticeQuiz(key);
		let token = quiz.start(visit, 1);
		for (const given of ['Roma', 'Milano', 'Napoli']) token = answerOk(quiz, token, given).next;
		expect(quiz.view(token, visit, () => cards.slice(0, 2))).toEqual({
			kind: 'refused',
			problem: 'expired'
		});
		expect(quiz.answer(token, visit, draw, { question: 'q', given: 'Roma' })).toEqual({
			ok: false,
			problem: 'finished'
		});
	});
});

describe('a round of the missed questions', () => {
	/** Answers every question of `token`'s round in turn; returns the final token. */
	function finish(quiz: PracticeQuiz, token: string, answers: string[]): string {
		for (const given of answers) token = answerOk(quiz, token, given).next;
		return token;
	}

	it('asks only the questions missed, in their order, and counts its own score', () => {
		const quiz = new PracticeQuiz(key);
		const done = finish(quiz, quiz.start(visit, 1), ['Torino', 'Milano', 'Bari']);
		const retry = quiz.retry(done, visit, draw);
		if (!retry.ok) throw new Error(retry.problem);

		const first = quiz.view(retry.token, visit, draw);
		expect(first).toMatchObject({ kind: 'question', index: 0, total: 2, score: 0 });
		expect(first.kind === 'question' && first.card).toBe(cards[0]);
		const second = answerOk(quiz, retry.token, 'Roma').next;
		expect(quiz.view(second, visit, draw)).toMatchObject({ kind: 'question', card: cards[2] });
		const end = answerOk(quiz, second, 'Foggia').next;
		expect(quiz.view(end, visit, draw)).toEqual({
			kind: 'done',
			track: 'facts',
			total: 2,
			score: 1,
			missed: [{ card: cards[2], given: 'Foggia' }]
		});
		// …and a retry of the retry asks the one still missed.
		const again = quiz.retry(end, visit, draw);
		expect(again.ok && quiz.view(again.token, visit, draw)).toMatchObject({
			kind: 'question',
			total: 1,
			card: cards[2]
		});
	});

	it('is not offered for a round that is not over or missed nothing', () => {
		const quiz = new PracticeQuiz(key);
		const open = quiz.start(visit, 1);
		expect(quiz.retry(open, visit, draw)).toEqual({ ok: false, problem: 'nothing-missed' });
		const perfect = finish(quiz, open, ['Roma', 'Milano', 'Napoli']);
		expect(quiz.retry(perfect, visit, draw)).toEqual({ ok: false, problem: 'nothing-missed' });
		const bruno = { ...visit, visitor: 'bruno-visitor-id-00000' };
		expect(quiz.retry(perfect, bruno, draw)).toEqual({ ok: false, problem: 'foreign' });
	});

	it('keeps a retried question answerable once', () => {
		const quiz = new PracticeQuiz(key);
		const done = finish(quiz, quiz.start(visit, 1), ['Roma', 'x', 'Napoli']);
		const retry = quiz.retry(done, visit, draw);
		if (!retry.ok) throw new Error(retry.problem);
		const wrong = answerOk(quiz, retry.token, 'Torino');
		const question = questionOf(quiz, retry.token);
		const again = quiz.answer(retry.token, visit, draw, { question, given: 'Milano' });
		expect(again).toMatchObject({ ok: true, replayed: true, next: wrong.next });
		expect(quiz.view(wrong.next, visit, draw)).toMatchObject({ kind: 'done', score: 0 });
	});
});

describe('the track and size of a quiz', () => {
	it('draws with the track and size the quiz was started with', () => {
		const quiz = new PracticeQuiz(key);
		const asked: unknown[] = [];
		const spy = (draw: { seed: number; track: string; size: number }) => {
			asked.push(draw);
			return cards.slice(0, draw.size);
		};
		const token = quiz.start(visit, 9, 'vocab', 2);
		expect(quiz.view(token, visit, spy)).toMatchObject({
			kind: 'question',
			total: 2,
			track: 'vocab'
		});
		expect(asked[0]).toMatchObject({ seed: 9, track: 'vocab', size: 2 });
	});
});
