/**
 * Points for one answer in a live classroom quiz, the way Kahoot! players expect them: up to
 * 1,000 per question, fewer the slower the answer, and a teacher can turn the speed bonus off.
 */

export interface ScoreInput {
	/** Whether the server graded the answer right. */
	correct: boolean;
	/** Time from the question's start to the answer, by the server's clock (ms). */
	elapsedMs: number;
	/** The question's time limit (ms). */
	limitMs: number;
	/** With the bonus, faster answers earn more; without, every right answer earns the same. */
	speedBonus: boolean;
}

/** Points for a right answer without the speed bonus, and the most with it. */
export const MAX_POINTS = 1000;

/**
 * Points for one answer.
 *
 * With the speed bonus: `points = round((1 − (t / T) / 2) × 1000)`, where `t` is the elapsed time
 * clamped to `[0, T]` (a clock that runs backwards must not pay more than 1,000) and `T` the
 * question's time: 1,000 at once, 750 at half time, 500 on the buzzer. Without it: 1,000.
 * A wrong answer, or one later than `T` (`t > T`), earns 0.
 *
 * @see https://support.kahoot.com/hc/en-us/articles/115002303908-How-points-work
 */
export function score({ correct, elapsedMs, limitMs, speedBonus }: ScoreInput): number {
	if (!correct || !(elapsedMs <= limitMs)) return 0;
	if (!speedBonus || !(limitMs > 0)) return MAX_POINTS;
	const t = Math.min(Math.max(elapsedMs, 0), limitMs);
	return Math.round((1 - t / limitMs / 2) * MAX_POINTS);
}
