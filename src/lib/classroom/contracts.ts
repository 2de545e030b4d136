/**
 * The classroom's input contracts: one zod schema per action, used by the form actions, the JSON
 * routes and the production server's direct answer path alike, and the stable error codes every
 * refusal carries (`{ code, message }`), so the phone reacts to codes, never to English words.
 */
import { z } from 'zod';
import { TRACKS } from '$lib/cards/types';
import { MAX_NICKNAME_LENGTH } from '$lib/classroom/nickname';
import { LIVE_KINDS } from '$lib/classroom/pick';
import {
	MAX_ANSWER_LENGTH,
	MAX_GET_READY_SECONDS,
	MAX_PLAYERS,
	MAX_SECONDS,
	MIN_SECONDS
} from '$lib/classroom/types';

/** Largest request body any classroom action takes. */
export const MAX_BODY_BYTES = 4096;

/** How long a self-paced assignment may stay open, in hours (the form's choices). */
export const OPEN_FOR_HOURS = [1, 24, 72, 168] as const;

/** Every reason the classroom API gives for refusing a request. */
export type ErrorCode =
	| 'bad-request'
	| 'too-large'
	| 'unknown-code'
	| 'not-joined'
	| 'not-host'
	| 'rate-limited'
	| 'too-many-games'
	| 'storage'
	| 'no-cards'
	| 'unknown-action'
	// joining
	| 'empty'
	| 'too-long'
	| 'characters'
	| 'taken'
	| 'full'
	| 'finished'
	| 'removed'
	// answering
	| 'not-a-question-phase'
	| 'wrong-question'
	| 'late'
	| 'already-answered'
	| 'unknown-player'
	| 'invalid-answer'
	// the host's actions
	| 'wrong-phase'
	| 'no-players'
	| 'not-removed'
	| 'invalid-settings'
	| 'not-enough-cards'
	| 'unknown-card';

/** What every refusal looks like on the wire. */
export interface ApiError {
	code: ErrorCode;
	message: string;
}

/** A player id is a UUID made by the server: any other cookie value is nobody. */
export const playerIdSchema = z.uuid();

/**
 * `POST /api/class`: a live game (or, with `openForHours`, a self-paced assignment). With
 * `cardIds` the teacher chose the questions (see `chosenCards`): exactly those are played, in
 * that order, and `questions` must be their number. `getReadySeconds` defaults to none for API
 * clients; the form asks for it.
 */
export const createSchema = z
	.object({
		article: z.string().min(1).max(200),
		tracks: z.array(z.enum(TRACKS)).min(1).max(TRACKS.length).default(['facts']),
		kinds: z
			.array(z.enum(LIVE_KINDS))
			.min(1)
			.max(LIVE_KINDS.length)
			.default([...LIVE_KINDS]),
		questions: z.int().min(1).max(MAX_PLAYERS),
		secondsPerQuestion: z.int().min(MIN_SECONDS).max(MAX_SECONDS).default(20),
		speedBonus: z.boolean().default(true),
		classic: z.boolean().default(false),
		openForHours: z.union(OPEN_FOR_HOURS.map((h) => z.literal(h))).optional(),
		getReadySeconds: z.int().min(0).max(MAX_GET_READY_SECONDS).default(0),
		cardIds: z.array(z.string().min(1).max(200)).min(1).max(MAX_PLAYERS).optional()
	})
	.refine((input) => !input.cardIds || new Set(input.cardIds).size === input.cardIds.length, {
		message: 'a card is chosen twice',
		path: ['cardIds']
	})
	.refine((input) => !input.cardIds || input.cardIds.length === input.questions, {
		message: 'questions must be the number of chosen cards',
		path: ['questions']
	});
export type CreateInput = z.infer<typeof createSchema>;

/** `POST /api/class/<code>/join`. */
export const joinSchema = z.object({
	// Longer than any nickname, so that "too long" is the nickname rule's message, not this one's.
	nickname: z.string().max(MAX_NICKNAME_LENGTH * 10)
});

/**
 * `POST /api/class/<code>/answer`: a typed answer (`given`) or, for a question with options,
 * the position of the option in this game's order (`choice`, what a classic-mode phone sends).
 */
export const answerSchema = z.union([
	z.object({
		questionIndex: z.int().min(0).max(MAX_PLAYERS),
		given: z.string().max(MAX_ANSWER_LENGTH * 5)
	}),
	z.object({
		questionIndex: z.int().min(0).max(MAX_PLAYERS),
		choice: z.int().min(0).max(25)
	})
]);
export type AnswerInput = z.infer<typeof answerSchema>;

export const HOST_ACTIONS = ['start', 'reveal', 'showLeaderboard', 'next', 'finish'] as const;

/** `POST /api/class/<code>/host`. */
export const hostActionSchema = z.discriminatedUnion('action', [
	z.object({ action: z.enum(HOST_ACTIONS) }),
	z.object({
		action: z.enum(['removePlayer', 'restorePlayer']),
		playerId: playerIdSchema
	})
]);
export type HostAction = z.infer<typeof hostActionSchema>;

/** The first problem of a failed parse, in words a developer reading the reply understands. */
export function describeIssue(error: z.ZodError): string {
	const issue = error.issues[0];
	const path = issue?.path.join('.') || 'body';
	return `${path}: ${issue?.message ?? 'invalid'}`;
}
