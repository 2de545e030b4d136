import { describe, expect, it } from 'vitest';
import { classReviews, type ClassResult } from '$lib/classroom/take-home';
import { createScheduler, State } from '$lib/srs/scheduler';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';

const scheduler = createScheduler(DEFAULT_SETTINGS);
const AT = Date.UTC(2026, 10, 23, 9, 30);
const result = (id: string, correct: boolean | null): ClassResult => ({
	id,
	track: 'facts',
	article: 'mosca-pyongyang',
	correct,
	at: correct === null ? null : AT
});

describe('class results in the student’s own schedule', () => {
	it('counts a right answer as Good and a wrong one as Again, at the time of the answer', () => {
		const [right, wrong] = classReviews(
			[result('a', true), result('b', false)],
			new Map(),
			scheduler
		);
		expect(right.review).toMatchObject({
			cardId: 'a',
			rating: 'good',
			previousState: State.New,
			reviewedAt: new Date(AT).toISOString(),
			track: 'facts',
			article: 'mosca-pyongyang'
		});
		expect(wrong.review.rating).toBe('again');
		// Again brings the card back sooner than Good.
		expect(Date.parse(wrong.state.memory.due)).toBeLessThan(Date.parse(right.state.memory.due));
		expect(right.state.memory.last_review).toBe(new Date(AT).toISOString());
	});

	it('leaves unanswered cards and cards the student already studies alone', () => {
		const known = new Map([['a', {}]]);
		expect(classReviews([result('a', true), result('c', null)], known, scheduler)).toEqual([]);
	});
});
