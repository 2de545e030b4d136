/**
 * A live classroom quiz (Kahoot!-style, but server-authoritative) as immutable data and pure
 * transitions, with what a self-paced assignment (`assignment.ts`) shares with it: joining,
 * removing and restoring players, checking and grading an answer, the deadline. The server
 * keeps the state, stamps every event with its own clock (`now`, epoch ms) and grades every
 * answer, so the answer key never has to reach a phone before the reveal.
 *
 * Transitions return a new state or a typed error; they never throw on what a student sends.
 * Scores move only at the reveal, so nothing a player can see during a question tells them
 * whether their answer (or a friend's) was right.
 */
import type { Card } from '$lib/cards/types';
import { gradeCard } from '$lib/quiz/check';
import { nicknameKey, validateNickname } from '$lib/classroom/nickname';
import { parseNumber } from '$lib/grading/numbers';
import { isGameCode } from '$lib/classroom/code';
import { score } from '$lib/classroom/scoring';
import {
	MAX_ANSWER_LENGTH,
	MAX_PLAYERS,
	MAX_GET_READY_SECONDS,
	MAX_SECONDS,
	MIN_SECONDS,
	type PlayerAnswer,
	type AnswerError,
	type CreateError,
	type GameState,
	type JoinError,
	type LiveGame,
	type LiveSettings,
	type Outcome,
	type Player,
	type RestoreError
} from '$lib/classroom/types';

export * from '$lib/classroom/types';

const ok = <S extends GameState>(state: S) => ({ ok: true as const, state });
const fail = <E extends string>(error: E) => ({ ok: false as const, error });

/** Creates a game in the lobby. `cardIds` beyond `settings.questions` are not played. */
export function createGame(
	code: string,
	cardIds: readonly string[],
	settings: LiveSettings,
	now: number
): Outcome<CreateError, object, LiveGame> {
	if (!isGameCode(code)) return fail('invalid-code');
	const { questions, secondsPerQuestion: seconds } = settings;
	if (!Number.isInteger(questions) || questions < 1) return fail('invalid-settings');
	if (!Number.isInteger(seconds) || seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
		return fail('invalid-settings');
	}
	const ready = settings.getReadySeconds ?? 0;
	if (!Number.isInteger(ready) || ready < 0 || ready > MAX_GET_READY_SECONDS) {
		return fail('invalid-settings');
	}
	if (cardIds.length < questions) return fail('not-enough-cards');
	return ok({
		kind: 'live',
		code,
		createdAt: now,
		settings: { ...settings },
		cardIds: cardIds.slice(0, questions),
		phase: 'lobby',
		questionIndex: -1,
		questionStartedAt: null,
		deadline: null,
		players: [],
		answers: []
	});
}

/**
 * The answers to the current question of a live game. Answers arrive question by question (an
 * answer to another question is refused) and the store reads them back in that order, so they
 * are the tail of `answers`: found without walking the whole game's answers.
 */
export function currentAnswers(state: LiveGame): PlayerAnswer[] {
	let start = state.answers.length;
	while (start > 0 && state.answers[start - 1].questionIndex === state.questionIndex) start--;
	return state.answers.slice(start);
}

/** The players the host has not removed, in order of joining. */
export function activePlayers(state: GameState): Player[] {
	return state.players.filter((p) => !p.removed);
}

/**
 * Adds a player, in the lobby or late during the game (with 0 points, as in Kahoot!). Joining
 * again with the same `playerId` is a rejoin: the same player, score and nickname come back and
 * the state is unchanged, so a phone that reloads cannot lose or duplicate a student.
 */
export function join<S extends GameState>(
	state: S,
	{ playerId, nickname }: { playerId: string; nickname: string },
	now: number
): Outcome<JoinError, { player: Player }, S> {
	const known = state.players.find((p) => p.id === playerId);
	if (known) return known.removed ? fail('removed') : { ...ok(state), player: known };
	if (state.phase === 'finished') return fail('finished');
	const active = activePlayers(state);
	if (active.length >= MAX_PLAYERS) return fail('full');
	const checked = validateNickname(
		nickname,
		active.map((p) => p.nickname)
	);
	if (!checked.ok) return fail(checked.reason);
	// Removed means removed: a fresh cookie does not bring a student back under the same name
	// (or a look-alike of it); only the host can (`restorePlayer`).
	const key = nicknameKey(checked.nickname);
	if (state.players.some((p) => p.removed && nicknameKey(p.nickname) === key)) {
		return fail('removed');
	}
	const player: Player = {
		id: playerId,
		nickname: checked.nickname,
		joinedAt: now,
		removed: false,
		score: 0,
		streak: 0
	};
	return { ...ok({ ...state, players: [...state.players, player] }), player };
}

/** The host removes a player (any phase); their answers stop counting anywhere. Idempotent. */
export function removePlayer<S extends GameState>(
	state: S,
	playerId: string
): Outcome<'unknown-player', object, S> {
	if (!state.players.some((p) => p.id === playerId)) return fail('unknown-player');
	return ok({
		...state,
		players: state.players.map((p) => (p.id === playerId ? { ...p, removed: true } : p))
	});
}

/**
 * The host undoes a removal: the player is back with their score and answers. Refused when the
 * game is full or another player has taken the nickname since.
 */
export function restorePlayer<S extends GameState>(
	state: S,
	playerId: string
): Outcome<RestoreError, object, S> {
	const player = state.players.find((p) => p.id === playerId);
	if (!player) return fail('unknown-player');
	if (!player.removed) return fail('not-removed');
	const active = activePlayers(state);
	if (active.length >= MAX_PLAYERS) return fail('full');
	const key = nicknameKey(player.nickname);
	if (active.some((p) => nicknameKey(p.nickname) === key)) return fail('taken');
	return ok({
		...state,
		players: state.players.map((p) => (p.id === playerId ? { ...p, removed: false } : p))
	});
}

/**
 * Opens question `index`. With a get-ready moment the question opens that much later: answers
 * are taken from `questionStartedAt` to `deadline`, so the speed bonus and the countdown every
 * screen shows start when the options can be chosen, not when the projector says "get ready".
 */
function openQuestion(state: LiveGame, index: number, now: number): LiveGame {
	const opensAt = now + (state.settings.getReadySeconds ?? 0) * 1000;
	return {
		...state,
		phase: 'question',
		questionIndex: index,
		questionStartedAt: opensAt,
		deadline: opensAt + state.settings.secondsPerQuestion * 1000
	};
}

/** Whether the current question is still in its get-ready moment (answers not yet taken). */
export function isGettingReady(state: LiveGame, now: number): boolean {
	return (
		state.phase === 'question' && state.questionStartedAt !== null && now < state.questionStartedAt
	);
}

/** Lobby → question 0. Needs at least one player. */
export function start(
	state: LiveGame,
	now: number
): Outcome<'wrong-phase' | 'no-players', object, LiveGame> {
	if (state.phase !== 'lobby') return fail('wrong-phase');
	if (activePlayers(state).length === 0) return fail('no-players');
	return ok(openQuestion(state, 0, now));
}

/** What a number answer may hold besides its digits and words: `più di 10.000`, `25 %`, `€ 3,5`. */
const NUMBER_TEXT = /^[\p{L}\p{N}\s.,'’%€$+-]+$/u;

/** Whether a string is a possible answer to the card (not whether it is right). */
export function isValidAnswer(card: Card, given: string): boolean {
	if (typeof given !== 'string') return false;
	if (card.options.length > 0) return card.options.includes(given);
	const text = given.trim();
	if (text.length === 0 || text.length > MAX_ANSWER_LENGTH) return false;
	// A number question takes a number, in any notation the grader reads, and nothing else.
	if (card.type === 'numeric') return NUMBER_TEXT.test(text) && parseNumber(text) !== null;
	return true;
}

const italianNumber = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 6 });

/**
 * The answer as the server keeps and shows it: an option as it is; a number as the server read
 * it (`10000`, `diecimila` and `10.000` all become `10.000`), so what one student typed is never
 * shown to the class raw; other typed answers trimmed.
 */
export function storedAnswer(card: Card, given: string): string {
	if (card.options.length > 0) return given;
	if (card.type === 'numeric') return italianNumber.format(parseNumber(given.trim()) ?? 0);
	return given.trim();
}

/** Per choice card, what `gradeCard` said of each option given so far. */
const choiceGrades = new WeakMap<Card, Map<string, boolean>>();

/**
 * Whether `given` is right, as `gradeCard` (the one rule) says, remembered per card for a
 * choice: grading costs ~100 µs, a quarter of an answer's CPU, and a class of 1,000 sends at most
 * as many different answers as there are options. Typed
 * answers are all different, so they are graded each time.
 */
function isCorrect(card: Card, given: string): boolean {
	if (card.options.length === 0) return gradeCard(card, given).accepted;
	let grades = choiceGrades.get(card);
	if (!grades) choiceGrades.set(card, (grades = new Map()));
	let correct = grades.get(given);
	if (correct === undefined) grades.set(given, (correct = gradeCard(card, given).accepted));
	return correct;
}

/**
 * Records a player's answer to the current question, graded by the server.
 *
 * The server's clock decides lateness, with no grace period: an answer is taken while
 * `now ≤ deadline`. A grace would only move the line (and every phone sees the same countdown).
 * Points are computed now but added to the score at the reveal.
 *
 * @param card the card of the current question (`state.cardIds[state.questionIndex]`)
 * @throws when `card` is not the current question's card: a server bug, not student input
 */
export function answer(
	state: LiveGame,
	input: { playerId: string; questionIndex: number; given: string },
	card: Card,
	now: number
): Outcome<AnswerError, { playerAnswer: PlayerAnswer }, LiveGame> {
	if (state.phase !== 'question' || state.questionStartedAt === null || state.deadline === null) {
		return fail('not-a-question-phase');
	}
	if (card.id !== state.cardIds[state.questionIndex]) {
		throw new Error(`Card ${card.id} is not question ${state.questionIndex}`);
	}
	if (input.questionIndex !== state.questionIndex) return fail('wrong-question');
	const player = state.players.find((p) => p.id === input.playerId);
	if (!player) return fail('unknown-player');
	if (player.removed) return fail('removed');
	if (currentAnswers(state).some((a) => a.playerId === player.id)) return fail('already-answered');
	if (now > state.deadline) return fail('late');
	// During the get-ready moment the question is announced, not open. (Only then: a game
	// without one opens at once, and a server clock that stepped back must not refuse answers.)
	if (isGettingReady(state, now) && (state.settings.getReadySeconds ?? 0) > 0) {
		return fail('not-a-question-phase');
	}
	if (!isValidAnswer(card, input.given)) return fail('invalid-answer');

	const correct = isCorrect(card, input.given.trim());
	const given = storedAnswer(card, input.given);
	const elapsedMs = now - state.questionStartedAt;
	const points = score({
		correct,
		elapsedMs,
		limitMs: state.settings.secondsPerQuestion * 1000,
		speedBonus: state.settings.speedBonus
	});
	const record: PlayerAnswer = {
		playerId: player.id,
		questionIndex: state.questionIndex,
		given,
		at: now,
		elapsedMs,
		correct,
		points
	};
	return { ...ok({ ...state, answers: [...state.answers, record] }), playerAnswer: record };
}

/**
 * The instant after which the server acts on its own, whoever is watching: a live question's
 * deadline (it reveals), an open assignment's closing (it closes). Null when nothing runs.
 */
export function dueAt(state: GameState): number | null {
	if (state.phase !== 'question') return null;
	return state.kind === 'live' ? state.deadline : state.closesAt;
}

/** Whether the time of the current question (or of the open assignment) is over. */
export function isDeadlinePassed(state: GameState, now: number): boolean {
	const due = dueAt(state);
	return due !== null && now > due;
}

/**
 * Where a game is, as one string: a live game's phase and question, an assignment's phase. The
 * server sends each new step to every screen at once (and may thin out changes within one).
 */
export function stepOf(state: GameState): string {
	return state.kind === 'live' ? `${state.phase}:${state.questionIndex}` : state.phase;
}

/** Whether every player still in the game has answered the current question. */
export function allAnswered(state: LiveGame): boolean {
	if (state.phase !== 'question') return false;
	const current = currentAnswers(state);
	const active = activePlayers(state);
	// Asked after every answer: one answer per player, so while there are fewer answers than
	// players, someone is missing, and the class of 1,000 is not walked a thousand times.
	if (current.length < active.length) return false;
	const done = new Set(current.map((a) => a.playerId));
	return active.length > 0 && active.every((p) => done.has(p.id));
}

/** Whether the server should reveal on its own: time is up or nobody is left to answer. */
export function shouldReveal(state: LiveGame, now: number): boolean {
	return isDeadlinePassed(state, now) || allAnswered(state);
}

/**
 * Question → reveal: closes answering and adds the question's points to the scores. Allowed at
 * any time during the question: the host may skip ahead (the server also calls it when
 * `shouldReveal`).
 */
export function reveal(state: LiveGame): Outcome<'wrong-phase', object, LiveGame> {
	if (state.phase !== 'question') return fail('wrong-phase');
	const current = new Map(currentAnswers(state).map((a) => [a.playerId, a]));
	const players = state.players.map((p): Player => {
		if (p.removed) return p;
		const given = current.get(p.id);
		return {
			...p,
			score: p.score + (given?.points ?? 0),
			streak: given?.correct ? p.streak + 1 : 0
		};
	});
	return ok({ ...state, phase: 'reveal', players });
}

/** Reveal → leaderboard. */
export function showLeaderboard(state: LiveGame): Outcome<'wrong-phase', object, LiveGame> {
	if (state.phase !== 'reveal') return fail('wrong-phase');
	return ok({ ...state, phase: 'leaderboard' });
}

/** Reveal or leaderboard → the next question, or finished after the last one. */
export function next(state: LiveGame, now: number): Outcome<'wrong-phase', object, LiveGame> {
	if (state.phase !== 'reveal' && state.phase !== 'leaderboard') return fail('wrong-phase');
	if (state.questionIndex + 1 >= state.cardIds.length) return ok({ ...state, phase: 'finished' });
	return ok(openQuestion(state, state.questionIndex + 1, now));
}

/** Ends the game early (the host's "end"); a running question is revealed first, so it counts. */
export function finish(state: LiveGame): Outcome<'wrong-phase', object, LiveGame> {
	if (state.phase === 'finished') return fail('wrong-phase');
	const revealed = state.phase === 'question' ? reveal(state) : ok(state);
	return revealed.ok ? ok({ ...revealed.state, phase: 'finished' }) : revealed;
}
