/**
 * What the load bench plays: the rooms, how their students answer, the seeds that make a run
 * repeatable, and the targets the figures are judged by.
 */
import type { Random } from '$lib/random/prng';

export interface Scenario {
	label: string;
	/** How the students answer, for the report. */
	detail: string;
	questions: number;
	/** Long enough that the deadline never cuts an answer off. */
	secondsPerQuestion: number;
	/** Wait (ms) between a student's phone receiving the question and sending the answer. */
	reactionMs: (random: Random) => number;
}

/** Students per room; every scenario plays each. */
export const ROOMS = [300, 1000];

export const SCENARIOS: Scenario[] = [
	{
		label: 'all at once (worst case)',
		detail: 'every student answers the moment the question reaches their phone',
		questions: 5,
		secondsPerQuestion: 60,
		reactionMs: () => 0
	},
	{
		label: 'spread over 1–6 s like a class',
		detail: 'each student answers 1–6 s (uniform, seeded) after the question reaches their phone',
		questions: 3,
		secondsPerQuestion: 20,
		reactionMs: (random) => 1000 + 5000 * random()
	}
];

/** Seeds: the answers chosen, and the reaction times (one generator per room). */
export const ANSWER_SEED = 7;
export const REACTION_SEED = 2024;
/** The article the games are made from. */
export const ARTICLE = 'mosca-pyongyang';

export const ACK_P99_TARGET_MS = 100;
/** The room the acknowledgement target is for. */
export const ACK_TARGET_ROOM = 300;
/** The room where no answer may be lost. */
export const NO_LOSS_ROOM = 1000;
