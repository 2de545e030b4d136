import { describe, expect, it } from 'vitest';
import {
	addExtraNew,
	customNext,
	extraKey,
	extraNewToday,
	missedThisWeek,
	reviewAhead,
	type LearnerDay
} from '$lib/srs/custom';
import { buildQueue, type QueueCard } from '$lib/srs/queue';
import { createScheduler, type CardState, type Rating } from '$lib/srs/scheduler';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
import { settled } from '../helpers/memory';

const NY = 'America/New_York';
const DAY = 86_400_000;
// 20:00 in New York (UTC−5): the learner's day runs from 09:00Z today to 09:00Z tomorrow.
const NOW = new Date('2025-01-15T01:00:00Z');
const TODAY: LearnerDay = { now: NOW, dayStartHour: 4, timeZone: NY };
const later = (days: number, hours = 0) => new Date(NOW.getTime() + days * DAY + hours * 3_600_000);

const inReview = (id: string, due: Date): CardState => settled(id, due);

const states = (...list: CardState[]) => new Map(list.map((s) => [s.id, s]));
const missed = (cardId: string, at: Date, rating: Rating = 'again') => ({
	cardId,
	rating,
	reviewedAt: at.toISOString()
});

describe('more new cards today', () => {
	const key = extraKey('mosca', 'facts');

	it('adds to today only, per article and track', () => {
		let extra = addExtraNew(undefined, key, 10, TODAY);
		extra = addExtraNew(extra, key, 5, TODAY);
		extra = addExtraNew(extra, extraKey('mosca', 'vocab'), 3, TODAY);
		expect(extraNewToday(extra, key, TODAY)).toBe(15);
		expect(extraNewToday(extra, extraKey('mosca', 'vocab'), TODAY)).toBe(3);
		expect(extraNewToday(extra, extraKey('altro', 'facts'), TODAY)).toBe(0);
		// 03:59 the next night is still today (day starts at 4); 04:00 is tomorrow.
		const lateNight = { ...TODAY, now: new Date('2025-01-15T08:59:00Z') };
		const tomorrow = { ...TODAY, now: new Date('2025-01-15T09:00:00Z') };
		expect(extraNewToday(extra, key, lateNight)).toBe(15);
		expect(extraNewToday(extra, key, tomorrow)).toBe(0);
		// A new day's addition forgets yesterday's.
		expect(addExtraNew(extra, key, 2, tomorrow).added).toEqual({ [key]: 2 });
	});

	it('lets the queue introduce that many more new cards', () => {
		const cards: QueueCard[] = Array.from({ length: 40 }, (_, i) => ({
			id: `c${i}`,
			track: 'facts',
			sibling: `c${i}`
		}));
		const settings = { ...DEFAULT_SETTINGS, limits: { ...DEFAULT_SETTINGS.limits } };
		settings.limits.facts = { newPerDay: 20, reviewsPerDay: 25 };
		const input = {
			cards,
			states: new Map(),
			todaysLog: [],
			settings,
			now: NOW,
			track: 'facts' as const,
			timeZone: NY
		};
		expect(buildQueue(input).counts.new).toBe(20);
		// +10 passes the review limit (25) too, which otherwise bounds new cards.
		expect(buildQueue({ ...input, extraNew: 10 }).counts.new).toBe(30);
	});
});

describe('review ahead', () => {
	it('takes review cards due in the next N learner days, earliest first, not today’s', () => {
		const all = states(
			inReview('today', later(0, 5)),
			inReview('in3', later(3)),
			inReview('tomorrow', later(1)),
			inReview('in8', later(8))
		);
		const ids = ['today', 'in3', 'tomorrow', 'in8'];
		expect(reviewAhead(ids, all, 1, TODAY)).toEqual(['tomorrow']);
		expect(reviewAhead(ids, all, 7, TODAY)).toEqual(['tomorrow', 'in3']);
	});

	it('rates a card early as FSRS does: a smaller interval than on its due day', () => {
		const scheduler = createScheduler(DEFAULT_SETTINGS, { timeZone: NY });
		let state = scheduler.newState('c', NOW);
		state = scheduler.rate(state, 'good', NOW).state;
		state = scheduler.rate(state, 'good', later(0, 0.2)).state;
		const due = new Date(state.memory.due);
		const days = (from: Date) => scheduler.rate(state, 'good', from).log.scheduledDays;
		const onTime = days(due);
		const early = days(new Date(due.getTime() - DAY));
		expect(early).toBeGreaterThan(0);
		expect(early).toBeLessThan(onTime);
	});
});

describe('study what I missed this week', () => {
	it('takes cards rated Again in the last seven learner days, most missed first', () => {
		const all = states(
			inReview('once', later(2)),
			inReview('twice', later(2)),
			inReview('old', later(2)),
			inReview('good', later(2)),
			inReview('dueToday', later(0, 3))
		);
		const log = [
			missed('once', later(-2)),
			missed('twice', later(-5)),
			missed('twice', later(-1)),
			// Eight learner days ago: last week.
			missed('old', later(-7)),
			missed('good', later(-1), 'good'),
			missed('dueToday', later(-1))
		];
		const ids = ['once', 'twice', 'old', 'good', 'dueToday'];
		expect(missedThisWeek(ids, all, log, TODAY)).toEqual(['twice', 'once']);
		// Six days back from the start of today is still this week.
		const sixDays = missed('old', new Date('2025-01-08T09:30:00Z'));
		expect(missedThisWeek(ids, all, [...log, sixDays], TODAY)).toEqual(['twice', 'once', 'old']);
	});

	it('goes through each card once', () => {
		expect(customNext(['a', 'b', 'c'], new Set(['a']))).toEqual({ next: 'b', left: 2 });
		expect(customNext(['a'], new Set(['a']))).toEqual({ next: null, left: 0 });
	});
});
