/**
 * The practice quiz on the server: starting a quiz, showing where a visitor is, and taking their
 * answer, with the progress carried in a signed token (`token.ts`) and every answer remembered
 * (`answers.ts`). What a visitor can do with it:
 *
 * - be graded only on the question their token is at (no oracle for other cards' answers);
 * - see a question only as its card's front, named by an id that says nothing of the card;
 * - have their score counted here, from their answers (never read from the browser);
 * - answer each question once: a reload, the back button or a replayed request shows the result
 *   already given and grades nothing new.
 *
 * Server-only (it holds the key and the record of answers); the route only passes requests in.
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { Card } from '$lib/cards/types';
import { gradeCard, type AnswerResult } from '$lib/quiz/check';
import { AnswerLog } from './answers';
import {
	MAX_QUESTIONS,
	readQuizToken,
	signQuizToken,
	type QuizState,
	type TokenProblem
} from './token';

export const MAX_ANSWER_LENGTH = 500;

/** The answer form: which question the page showed (its `questionId`), and the answer. */
export const AnswerFormSchema = z.object({
	question: z.string().min(1).max(300),
	given: z.string().max(MAX_ANSWER_LENGTH)
});
export type AnswerForm = z.infer<typeof AnswerFormSchema>;

/** A seed in an old-style URL (`?seed=…`): a 32-bit unsigned integer written in digits. */
export const SeedSchema = z
	.string()
	.regex(/^\d{1,10}$/)
	.transform(Number)
	.pipe(z.number().int().max(0xffffffff));

/**
 * Why a token cannot be used: the token's own problems, or `expired` when the server can no
 * longer tell whether its question was answered (issued before a restart, or too long ago) or the
 * article's questions have changed since.
 */
export type QuizProblem = TokenProblem | 'expired';

/** Whom a token belongs to. */
export interface Visit {
	visitor: string;
	article: string;
}

/** The cards of the quiz drawn with this seed, in order. */
export type DrawQuiz = (seed: number) => Card[];

export type QuizView =
	| {
			kind: 'question';
			index: number;
			total: number;
			score: number;
			/** The card asked: the page is sent its front only (`cardFront`). */
			card: Card;
			/** The question's id on the page: the answer form sends it back. */
			questionId: string;
	  }
	| {
			kind: 'answered';
			index: number;
			total: number;
			/** The score with this answer counted. */
			score: number;
			card: Card;
			questionId: string;
			result: AnswerResult;
			/** The token of the next question (or of the final score). */
			next: string;
	  }
	| { kind: 'done'; total: number; score: number }
	| { kind: 'refused'; problem: QuizProblem };

export type AnswerOutcome =
	| { ok: true; result: AnswerResult; next: string; replayed: boolean }
	| { ok: false; problem: QuizProblem | 'other-question' | 'finished' };

export class PracticeQuiz {
	/**
	 * @param key the HMAC key (`getSecret()` in the app)
	 * @param log the record of answers; one per process
	 */
	constructor(
		private readonly key: Buffer,
		private readonly log = new AnswerLog()
	) {}

	/** A new quiz drawn with `seed`, at its first question, for this visitor. */
	start(visit: Visit, seed: number): string {
		return this.sign(visit, { seed, index: 0, score: 0 });
	}

	/** What the page shows for a token. */
	view(token: unknown, visit: Visit, draw: DrawQuiz): QuizView {
		const checked = this.check(token, visit, draw);
		if (!checked.ok) return { kind: 'refused', problem: checked.problem };
		const { state, cards } = checked;
		const total = cards.length;
		if (state.index === total) return { kind: 'done', total, score: state.score };
		const card = cards[state.index];
		const questionId = this.questionId(state, card);
		const answered = this.log.get(state.epoch, state.seq);
		if (answered) {
			const result = gradeCard(card, answered.given);
			const score = state.score + (result.accepted ? 1 : 0);
			return {
				kind: 'answered',
				index: state.index,
				total,
				score,
				card,
				questionId,
				result,
				next: answered.next
			};
		}
		if (!this.log.vouchesFor(state.epoch, state.seq)) {
			return { kind: 'refused', problem: 'expired' };
		}
		return { kind: 'question', index: state.index, total, score: state.score, card, questionId };
	}

	/**
	 * Takes the answer to the question the token is at. `form.question` must name that question
	 * (a page left open while the questions changed is told so, not graded against another card).
	 * A token already answered gets its first result again, whatever is sent this time.
	 */
	answer(token: unknown, visit: Visit, draw: DrawQuiz, form: AnswerForm): AnswerOutcome {
		const checked = this.check(token, visit, draw);
		if (!checked.ok) return checked;
		const { state, cards } = checked;
		if (state.index === cards.length) return { ok: false, problem: 'finished' };
		const card = cards[state.index];
		if (form.question !== this.questionId(state, card)) {
			return { ok: false, problem: 'other-question' };
		}

		const answered = this.log.get(state.epoch, state.seq);
		if (answered) {
			return {
				ok: true,
				result: gradeCard(card, answered.given),
				next: answered.next,
				replayed: true
			};
		}
		if (!this.log.vouchesFor(state.epoch, state.seq)) return { ok: false, problem: 'expired' };

		const result = gradeCard(card, form.given);
		const next = this.sign(visit, {
			seed: state.seed,
			index: state.index + 1,
			score: state.score + (result.accepted ? 1 : 0)
		});
		// Synchronous from the lookup above to here: two requests racing with the same token
		// cannot both be graded (Node runs one at a time between awaits).
		this.log.record(state.seq, { given: form.given, next });
		return { ok: true, result, next, replayed: false };
	}

	/**
	 * The id of the question on the page: a keyed hash of the quiz, the place and the card, so it
	 * names no card (some card ids spell the answer) and cannot be worked out from the deck.
	 */
	private questionId(state: QuizState, card: Card): string {
		return createHmac('sha256', this.key)
			.update(`ripasso:quiz-question:v1\0${state.seed}\0${state.index}\0${card.id}`)
			.digest()
			.subarray(0, 12)
			.toString('base64url');
	}

	private sign(visit: Visit, state: Pick<QuizState, 'seed' | 'index' | 'score'>): string {
		return signQuizToken(
			{ ...state, epoch: this.log.epoch, seq: this.log.issue() },
			{ key: this.key, ...visit }
		);
	}

	private check(
		token: unknown,
		visit: Visit,
		draw: DrawQuiz
	): { ok: true; state: QuizState; cards: Card[] } | { ok: false; problem: QuizProblem } {
		const read = readQuizToken(token, { key: this.key, ...visit });
		if (!read.ok) return read;
		const cards = draw(read.state.seed).slice(0, MAX_QUESTIONS);
		// Only possible if the article's questions changed under a key that outlived them.
		if (read.state.index > cards.length) return { ok: false, problem: 'expired' };
		return { ok: true, state: read.state, cards };
	}
}
