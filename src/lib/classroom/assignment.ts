/**
 * Self-paced assignments: the same quiz as a link with a deadline. Each student works through
 * the questions in order at their own pace and learns at once whether each answer was right
 * (the answer key of a question reaches a student only after they answered it). No speed bonus:
 * 1,000 points per right answer, added at once. The server's clock decides the deadline.
 */
import type { Card } from '$lib/cards/types';
import { isGameCode } from '$lib/classroom/code';
import { isValidAnswer, storedAnswer } from '$lib/classroom/game';
import { gradeCard } from '$lib/quiz/check';
import { MAX_POINTS } from '$lib/classroom/scoring';
import type {
	PlayerAnswer,
	AnswerError,
	Assignment,
	CreateError,
	GameState,
	Outcome
} from '$lib/classroom/types';

/** Shortest and longest time an assignment stays open. */
export const MIN_OPEN_MS = 10 * 60 * 1000;
export const MAX_OPEN_MS = 14 * 24 * 60 * 60 * 1000;

const ok = (state: Assignment) => ({ ok: true as const, state });
const fail = <E extends string>(error: E) => ({ ok: false as const, error });

/**
 * An open assignment: phase `question` until `closesAt`, then `finished`. `seed` draws the
 * order of the options and the questions' ids, as a live game's (`LiveSettings.seed`).
 */
export function createAssignment(
	code: string,
	cardIds: readonly string[],
	{ questions, closesAt, seed }: { questions: number; closesAt: number; seed?: number },
	now: number
): Outcome<CreateError, object, Assignment> {
	if (!isGameCode(code)) return fail('invalid-code');
	if (!Number.isInteger(questions) || questions < 1) return fail('invalid-settings');
	if (!(closesAt - now >= MIN_OPEN_MS && closesAt - now <= MAX_OPEN_MS)) {
		return fail('invalid-settings');
	}
	if (cardIds.length < questions) return fail('not-enough-cards');
	return ok({
		kind: 'assignment',
		code,
		createdAt: now,
		settings: { questions, seed },
		cardIds: cardIds.slice(0, questions),
		phase: 'question',
		closesAt,
		players: [],
		answers: []
	});
}

/** The answers a player has given, in order. */
export function answersOf(state: GameState, playerId: string): PlayerAnswer[] {
	return state.answers
		.filter((a) => a.playerId === playerId)
		.sort((a, b) => a.questionIndex - b.questionIndex);
}

/**
 * A player's answer to their next question, graded now; the points join the score at once.
 *
 * @param card the card of question `input.questionIndex`
 */
export function answerAssignment(
	state: Assignment,
	input: { playerId: string; questionIndex: number; given: string },
	card: Card,
	now: number
): Outcome<AnswerError, { playerAnswer: PlayerAnswer }, Assignment> {
	if (state.phase !== 'question') return fail('not-a-question-phase');
	const player = state.players.find((p) => p.id === input.playerId);
	if (!player) return fail('unknown-player');
	if (player.removed) return fail('removed');
	if (now > state.closesAt) return fail('late');
	const mine = answersOf(state, player.id);
	const expected = mine.length;
	if (input.questionIndex < expected) return fail('already-answered');
	if (input.questionIndex !== expected || expected >= state.cardIds.length) {
		return fail('wrong-question');
	}
	if (card.id !== state.cardIds[expected]) {
		throw new Error(`Card ${card.id} is not question ${expected}`);
	}
	if (!isValidAnswer(card, input.given)) return fail('invalid-answer');
	const correct = gradeCard(card, input.given.trim()).accepted;
	const given = storedAnswer(card, input.given);
	const previous = mine.at(-1);
	const record: PlayerAnswer = {
		playerId: player.id,
		questionIndex: expected,
		given,
		at: now,
		// From the player's previous answer (or joining): how long this question took them.
		elapsedMs: now - (previous?.at ?? player.joinedAt),
		correct,
		points: correct ? MAX_POINTS : 0
	};
	const players = state.players.map((p) =>
		p.id === player.id
			? { ...p, score: p.score + record.points, streak: correct ? p.streak + 1 : 0 }
			: p
	);
	return {
		...ok({ ...state, players, answers: [...state.answers, record] }),
		playerAnswer: record
	};
}

/** Closes the assignment (deadline reached, or the teacher closes it early). */
export function closeAssignment(state: Assignment): Outcome<'wrong-phase', object, Assignment> {
	if (state.phase === 'finished') return fail('wrong-phase');
	return ok({ ...state, phase: 'finished' });
}
