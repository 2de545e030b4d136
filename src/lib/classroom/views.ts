/**
 * What each audience of a live quiz may see, as plain objects the server can send as they are.
 *
 * The rule that stops cheating: before the reveal a view shows a card only as its front
 * (`$lib/cards/projection`: no answer, accepted forms, number, note or source sentence), named
 * by this game's id of the question and with its options in this game's order; its back comes
 * with the reveal. The host view obeys the same rule: it is on the projector.
 */
import { cardBack, cardFront, type CardBack, type CardFront } from '$lib/cards/projection';
import type { Card } from '$lib/cards/types';
import type {
	PlayerAnswer,
	Assignment,
	GameState,
	LiveGame,
	Phase,
	Player
} from '$lib/classroom/game';
import { answersOf } from '$lib/classroom/assignment';
import { activePlayers, currentAnswers } from '$lib/classroom/game';
import { gameOptions, questionId } from '$lib/classroom/presentation';
import type { ClassResult } from '$lib/classroom/take-home';
import {
	distribution,
	DISTRIBUTION_ROWS,
	leaderboard,
	podium,
	type DistributionRow,
	type Standing
} from '$lib/classroom/standings';

/** A card's front as a game shows it. */
export interface QuestionView extends Omit<CardFront, 'prompt' | 'prompt_en'> {
	index: number;
	/** This game's id of the question: names no card (card ids can hold the answer). */
	id: string;
	/** Null on a phone in classic mode: the question is on the projector. */
	prompt: string | null;
	prompt_en: string | null;
	/** In this game's order; empty for typed answers and on a phone in classic mode. */
	options: string[];
	/** How many options there are (0: a typed answer): a classic-mode phone shows as many letters. */
	choices: number;
}

/** A place on the podium as every phone sees it: no player ids (a phone's id is its credential). */
export type PublicStanding = Omit<Standing, 'playerId'> & { you: boolean };

/**
 * What a class is shown of a card once it is revealed: the card's back (its answer and the
 * article's sentence; the note is left to the learner's own study, as a class's screens have no
 * place for it).
 */
export type ClassBack = Omit<CardBack, 'note'>;

/** The answer and how the class answered: only from the reveal on. */
export interface RevealView extends ClassBack {
	distribution: DistributionRow[];
}

/** The projector of a live game. */
export interface LiveHostView {
	kind: 'live';
	code: string;
	phase: Phase;
	questionIndex: number;
	questionCount: number;
	deadline: number | null;
	/** When the current question opens for answers (after its get-ready moment), server clock. */
	opensAt: number | null;
	/** Players still in the game. */
	playerCount: number;
	/**
	 * Their names, in the lobby only (the projector lists them there; during the game, a list of
	 * a thousand names four times a second would cost more than it shows).
	 */
	players: { id: string; nickname: string }[] | null;
	/** Answers to the current question so far (a count only: who answered what stays hidden). */
	answeredCount: number;
	question: QuestionView | null;
	reveal: RevealView | null;
	/** In the leaderboard and finished phases. */
	leaderboard: Standing[] | null;
	podium: Standing[] | null;
	/** Players the host removed, so a removal can be undone. */
	removed: { id: string; nickname: string }[];
}

/** The teacher's screen of a self-paced assignment: open until when, and who is in. */
export interface AssignmentHostView {
	kind: 'assignment';
	code: string;
	phase: Assignment['phase'];
	questionCount: number;
	/** The deadline, by the server's clock. */
	closesAt: number;
	/** Players still in the game. */
	playerCount: number;
}

/** What the host's screen shows of a game: its kind says which view. */
export type HostView = LiveHostView | AssignmentHostView;

export interface PlayerResult {
	/** Null when the player did not answer in time. */
	given: string | null;
	correct: boolean;
	points: number;
}

/** A student's phone during a self-paced assignment. */
export interface AssignmentView {
	status: 'assignment';
	code: string;
	nickname: string;
	score: number;
	questionCount: number;
	/** The deadline, by the server's clock. */
	closesAt: number;
	closed: boolean;
	/** The question the student is on (`questionCount` when done). */
	index: number;
	/** That question, without its answer; null when done or closed. */
	question: QuestionView | null;
	/** The student's previous answer, graded, with the answer and its sentence. */
	last: (PlayerResult & { index: number } & ClassBack) | null;
	/** When done or closed: the cards and the student's results, for their own study deck. */
	studyCards: ClassResult[] | null;
}

export type PlayerView =
	| { status: 'unknown' }
	| { status: 'removed' }
	| AssignmentView
	| {
			status: 'playing';
			code: string;
			phase: Phase;
			questionIndex: number;
			questionCount: number;
			deadline: number | null;
			/** When the current question takes answers (after its get-ready moment). */
			opensAt: number | null;
			nickname: string;
			/** Points of the revealed questions. */
			score: number;
			question: QuestionView | null;
			/** Whether this player has answered the current question (not whether rightly). */
			answered: boolean;
			result: PlayerResult | null;
			reveal: RevealView | null;
			rank: number | null;
			podium: PublicStanding[] | null;
			/** At the end: the game's cards and this student's results, for their own study deck. */
			studyCards: ClassResult[] | null;
	  };

const ranks = new WeakMap<GameState, Map<string, number>>();

/** A player's rank, from one index per state (a reveal sends a thousand views of one state). */
function rankOf(state: GameState, playerId: string): number | null {
	let index = ranks.get(state);
	if (!index) {
		index = new Map(leaderboard(state).map((s) => [s.playerId, s.rank]));
		ranks.set(state, index);
	}
	return index.get(playerId) ?? null;
}

const isRevealed = (phase: Phase) =>
	phase === 'reveal' || phase === 'leaderboard' || phase === 'finished';

function currentCard(state: LiveGame, cards: readonly Card[]): Card | undefined {
	if (state.questionIndex < 0) return undefined;
	const id = state.cardIds[state.questionIndex];
	return cards.find((c) => c.id === id);
}

/**
 * A question as a screen may see it before its answer. On a phone in classic mode, only how many
 * options there are: the projector shows the rest.
 */
function questionView(state: GameState, index: number, card: Card, phone = false): QuestionView {
	const hidden = phone && state.kind === 'live' && state.settings.classic === true;
	const front = cardFront(card, gameOptions(state, index, card));
	return {
		index,
		id: questionId(state, index),
		type: front.type,
		prompt: hidden ? null : front.prompt,
		prompt_en: hidden ? null : front.prompt_en,
		options: hidden ? [] : front.options,
		choices: front.options.length
	};
}

/** The podium for phones: names, scores and places, and which one is this phone's. */
function publicPodium(state: GameState, playerId: string): PublicStanding[] {
	return podium(state).map(({ playerId: id, ...standing }) => ({
		...standing,
		you: id === playerId
	}));
}

/** A card's back as a class sees it (`ClassBack`). */
function classBack(card: Card): ClassBack {
	const { answer, source } = cardBack(card);
	return { answer, source };
}

const reveals = new WeakMap<LiveGame, RevealView>();

function revealView(state: LiveGame, card: Card): RevealView | null {
	if (!isRevealed(state.phase)) return null;
	let view = reveals.get(state);
	if (!view) {
		view = {
			...classBack(card),
			distribution: distribution(
				state,
				state.questionIndex,
				gameOptions(state, state.questionIndex, card),
				DISTRIBUTION_ROWS
			)
		};
		reveals.set(state, view);
	}
	return structuredClone(view);
}

const answerIndexes = new WeakMap<LiveGame, Map<string, PlayerAnswer>>();

/** Each player's answer to the current question, indexed once per state. */
function currentAnswer(state: LiveGame, playerId: string): PlayerAnswer | undefined {
	let index = answerIndexes.get(state);
	if (!index) {
		index = new Map(currentAnswers(state).map((a) => [a.playerId, a]));
		answerIndexes.set(state, index);
	}
	return index.get(playerId);
}

/**
 * The host's screen. A live game's projector: the question, who is in, how many answered;
 * results from the reveal on. An assignment's: until when it is open, and who is in.
 */
export function hostView(state: GameState, cards: readonly Card[]): HostView {
	const players = activePlayers(state);
	if (state.kind === 'assignment') {
		return {
			kind: 'assignment',
			code: state.code,
			phase: state.phase,
			questionCount: state.cardIds.length,
			closesAt: state.closesAt,
			playerCount: players.length
		};
	}
	const card = currentCard(state, cards);
	const ids = new Set(players.map((p) => p.id));
	const showBoard = state.phase === 'leaderboard' || state.phase === 'finished';
	return {
		kind: 'live',
		code: state.code,
		phase: state.phase,
		questionIndex: state.questionIndex,
		questionCount: state.cardIds.length,
		deadline: state.phase === 'question' ? state.deadline : null,
		opensAt: state.phase === 'question' ? state.questionStartedAt : null,
		playerCount: players.length,
		players:
			state.phase === 'lobby' ? players.map((p) => ({ id: p.id, nickname: p.nickname })) : null,
		answeredCount: currentAnswers(state).filter((a) => ids.has(a.playerId)).length,
		question: card ? questionView(state, state.questionIndex, card) : null,
		reveal: card ? revealView(state, card) : null,
		leaderboard: showBoard ? leaderboard(state) : null,
		podium: state.phase === 'finished' ? podium(state) : null,
		removed: state.players.filter((p) => p.removed).map((p) => ({ id: p.id, nickname: p.nickname }))
	};
}

/**
 * One student's phone: the question and options, and whether they answered; from the reveal on
 * also the answer, their result, points and rank.
 */
export function playerView(state: GameState, playerId: string, cards: readonly Card[]): PlayerView {
	const player = state.players.find((p) => p.id === playerId);
	if (!player) return { status: 'unknown' };
	if (player.removed) return { status: 'removed' };
	if (state.kind === 'assignment') return assignmentView(state, player, cards);
	const card = currentCard(state, cards);
	const mine = currentAnswer(state, playerId);
	const revealed = isRevealed(state.phase) && state.questionIndex >= 0;
	return {
		status: 'playing',
		code: state.code,
		phase: state.phase,
		questionIndex: state.questionIndex,
		questionCount: state.cardIds.length,
		deadline: state.phase === 'question' ? state.deadline : null,
		opensAt: state.phase === 'question' ? state.questionStartedAt : null,
		nickname: player.nickname,
		score: player.score,
		question: card ? questionView(state, state.questionIndex, card, true) : null,
		answered: mine !== undefined,
		result: revealed
			? { given: mine?.given ?? null, correct: mine?.correct ?? false, points: mine?.points ?? 0 }
			: null,
		reveal: card ? revealView(state, card) : null,
		rank: revealed ? rankOf(state, playerId) : null,
		podium: state.phase === 'finished' ? publicPodium(state, playerId) : null,
		studyCards: state.phase === 'finished' ? studyCards(state, cards, playerId) : null
	};
}

const byPlayer = new WeakMap<GameState, Map<string, Map<number, PlayerAnswer>>>();

/** Every player's answers by question, indexed once per state (the end reaches every phone). */
function answersByPlayer(state: GameState): Map<string, Map<number, PlayerAnswer>> {
	let index = byPlayer.get(state);
	if (!index) {
		index = new Map();
		for (const a of state.answers) {
			const own = index.get(a.playerId) ?? new Map<number, PlayerAnswer>();
			own.set(a.questionIndex, a);
			index.set(a.playerId, own);
		}
		byPlayer.set(state, index);
	}
	return index;
}

/** The game's cards with how one player did on each (revealed questions only, by then all). */
function studyCards(state: GameState, cards: readonly Card[], playerId: string): ClassResult[] {
	const mine = answersByPlayer(state).get(playerId) ?? new Map<number, PlayerAnswer>();
	return state.cardIds.flatMap((id, index) => {
		const card = cards.find((c) => c.id === id);
		if (!card) return [];
		const own = mine.get(index);
		return [
			{
				id: card.id,
				track: card.track,
				article: card.source.article,
				correct: own ? own.correct : null,
				at: own ? own.at : null
			}
		];
	});
}

/**
 * A self-paced student's view: their next question without its answer, and their previous
 * answer with the right one (only a question they have answered is ever revealed to them).
 */
function assignmentView(state: Assignment, player: Player, cards: readonly Card[]): AssignmentView {
	const mine = answersOf(state, player.id);
	const index = mine.length;
	const closed = state.phase === 'finished';
	const cardAt = (i: number) => cards.find((c) => c.id === state.cardIds[i]);
	const next = !closed && index < state.cardIds.length ? cardAt(index) : undefined;
	const previous = mine.at(-1);
	const previousCard = previous ? cardAt(previous.questionIndex) : undefined;
	const done = closed || index >= state.cardIds.length;
	return {
		status: 'assignment',
		code: state.code,
		nickname: player.nickname,
		score: player.score,
		questionCount: state.cardIds.length,
		closesAt: state.closesAt,
		closed,
		index,
		question: next ? questionView(state, index, next, true) : null,
		last:
			previous && previousCard
				? {
						index: previous.questionIndex,
						given: previous.given,
						correct: previous.correct,
						points: previous.points,
						...classBack(previousCard)
					}
				: null,
		studyCards: done ? studyCards(state, cards, player.id) : null
	};
}
