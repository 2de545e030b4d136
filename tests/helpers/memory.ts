/**
 * Card states for the queue's tests: a card in `state`, due at `due`, last reviewed three days
 * before it (a settled card: stability and difficulty 5, three reviews, no lapse).
 */
import { State, type CardState } from '$lib/srs/scheduler';

const DAY = 86_400_000;

export function settled(id: string, due: Date, state: State = State.Review): CardState {
	return {
		id,
		memory: {
			due: due.toISOString(),
			stability: 5,
			difficulty: 5,
			elapsed_days: 3,
			scheduled_days: 3,
			learning_steps: 0,
			reps: 3,
			lapses: 0,
			state,
			last_review: new Date(due.getTime() - 3 * DAY).toISOString()
		}
	};
}
