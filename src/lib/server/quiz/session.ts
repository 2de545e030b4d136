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
import { TRACKS, type Card, type Track } from '$lib/cards/types';
import { gradeCard, type AnswerResult } from '$lib/quiz/check';
import { QUIZ_SIZE, QUIZ_SIZES } from '$lib/quiz/draw';
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
 * A new quiz as the start form (a GET form, so it works without JavaScript) asks for it: the
 * track and how many questions. Anything else falls back to the defaults rather than failing:
 * a hand-edited URL still gets a quiz.
 */
export const StartSchema = z.object({
	track: z.enum(TRACKS).catch('facts'),
	size: z.coerce
		.number()
		.pipe(z.union(QUIZ_SIZES.map((size) => z.literal(size))))
		.catch(QUIZ_SIZE)
});

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

/** What a quiz is drawn from: the same seed, track and size draw the same cards. */
export type QuizDraw = Pick<QuizState, 'seed' | 'track' | 'size'>;

/** The cards of the quiz drawn this way, in order (at most `size`). */
export type DrawQuiz = (quiz: QuizDraw) => Card[];

/** A question answered wrong, for the review at the end of a round. */
export interface MissedQuestion {
	card: Card;
	/** What was answered; unknown once the record has forgotten it (after a restart). */
	given?: string;
}

export type QuizView =
	| {
			kind: 'question';
			track: Track;
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
			track: Track;
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
	| {
			kind: 'done';
			track: Track;
			total: number;
			score: number;
			/** The questions answered wrong, in the order they were asked. */
			missed: MissedQuestion[];
	  }
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

	/** A new quiz of `size` questions of `track` drawn with `seed`, at its first question. */
	start(visit: Visit, seed: number, track: Track = 'facts', size = QUIZ_SIZE): string {
		const all = size >= 32 ? 0xffffffff : 2 ** size - 1;
		return this.sign(visit, { seed, track, size, pick: all, missed: 0, index: 0, score: 0 });
	}

	/**
	 * A new round of only the questions a finished round missed, still graded here: its token
	 * says which, so nothing the browser sends can add a question or carry a score over.
	 * `nothing-missed` for a round that is not finished or missed nothing.
	 */
	retry(
		token: unknown,
		visit: Visit,
		draw: DrawQuiz
	): { ok: true; token: string } | { ok: false; problem: QuizProblem | 'nothing-missed' } {
		const checked = this.check(token, visit, draw);
		if (!checked.ok) return checked;
		const { state, positions } = checked;
		if (state.index < positions.length || state.missed === 0) {
			return { ok: false, problem: 'nothing-missed' };
		}
		const { seed, track, size, missed } = state;
		return {
			ok: true,
			token: this.sign(visit, { seed, track, size, pick: missed, missed: 0, index: 0, score: 0 })
		};
	}

	/** What the page shows for a token. */
	view(token: unknown, visit: Visit, draw: DrawQuiz): QuizView {
		const checked = this.check(token, visit, draw);
		if (!checked.ok) return { kind: 'refused', problem: checked.problem };
		const { state, cards, positions } = checked;
		const total = positions.length;
		if (state.index === total) {
			const answers = this.log.answersOf(state.epoch, state.round);
			const missed = positions
				.filter((position) => isSet(state.missed, position))
				.map((position) => ({ card: cards[position], given: answers.get(position) }));
			return { kind: 'done', track: state.track, total, score: state.score, missed };
		}
		const card = cards[positions[state.index]];
		const questionId = this.questionId(state, card);
		const answered = this.log.get(state.epoch, state.seq);
		if (answered) {
			const result = gradeCard(card, answered.given);
			const score = state.score + (result.accepted ? 1 : 0);
			return {
				kind: 'answered',
				track: state.track,
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
		const { track, index, score } = state;
		return { kind: 'question', track, index, total, score, card, questionId };
	}

	/**
	 * Takes the answer to the question the token is at. `form.question` must name that question
	 * (a page left open while the questions changed is told so, not graded against another card).
	 * A token already answered gets its first result again, whatever is sent this time.
	 */
	answer(token: unknown, visit: Visit, draw: DrawQuiz, form: AnswerForm): AnswerOutcome {
		const checked = this.check(token, visit, draw);
		if (!checked.ok) return checked;
		const { state, cards, positions } = checked;
		if (state.index === positions.length) return { ok: false, problem: 'finished' };
		const position = positions[state.index];
		const card = cards[position];
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
		const { seed, track, size, pick, round } = state;
		const next = this.sign(
			visit,
			{
				seed,
				track,
				size,
				pick,
				missed: result.accepted ? state.missed : (state.missed | (1 << position)) >>> 0,
				index: state.index + 1,
				score: state.score + (result.accepted ? 1 : 0)
			},
			round
		);
		// Synchronous from the lookup above to here: two requests racing with the same token
		// cannot both be graded (Node runs one at a time between awaits).
		this.log.record(state.seq, { given: form.given, next, round, position });
		return { ok: true, result, next, replayed: false };
	}

	/**
	 * The id of the question on the page: a keyed hash of the quiz, the place and the card, so it
	 * names no card (some card ids spell the answer) and cannot be worked out from the deck.
	 */
	private questionId(state: QuizState, card: Card): string {
		return createHmac('sha256', this.key)
			.update('ripasso:quiz-question:v2\0')
			.update(`${state.seed}\0${state.track}\0${state.pick}\0${state.index}\0${card.id}`)
			.digest()
			.subarray(0, 12)
			.toString('base64url');
	}

	/** Signs the next token; a new round unless `round` names the one it continues. */
	private sign(visit: Visit, state: Omit<QuizState, 'epoch' | 'seq' | 'round'>, round?: number) {
		const seq = this.log.issue();
		return signQuizToken(
			{ ...state, epoch: this.log.epoch, seq, round: round ?? seq },
			{ key: this.key, ...visit }
		);
	}

	private check(
		token: unknown,
		visit: Visit,
		draw: DrawQuiz
	):
		| { ok: true; state: QuizState; cards: Card[]; positions: number[] }
		| { ok: false; problem: QuizProblem } {
		const read = readQuizToken(token, { key: this.key, ...visit });
		if (!read.ok) return read;
		const { state } = read;
		const cards = draw(state).slice(0, Math.min(state.size, MAX_QUESTIONS));
		// The round: the drawn questions its token picks, in the order drawn.
		const positions = cards.map((_, i) => i).filter((i) => isSet(state.pick, i));
		// Only possible if the article's questions changed under a key that outlived them.
		if (state.index > positions.length) return { ok: false, problem: 'expired' };
		return { ok: true, state, cards, positions };
	}
}

const isSet = (mask: number, bit: number) => ((mask >>> bit) & 1) === 1;
