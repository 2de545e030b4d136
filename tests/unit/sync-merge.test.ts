import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScheduler, RATINGS, type Rating } from '$lib/srs/scheduler';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
import type { StateRecord } from '$lib/storage/records';
import {
	mergeLogs,
	mergeReviews,
	replayCard,
	replayStates,
	type LoggedReview,
	type Undone
} from '$lib/sync/merge';
import { planMerge, repeatedReviews } from '$lib/sync/plan';
import { legacyReviewUid, newReviewUid } from '$lib/sync/review-id';

const scheduler = createScheduler(DEFAULT_SETTINGS, { timeZone: 'Europe/Rome' });
const START = Date.parse('2026-11-23T07:00:00Z');
const CARDS = ['fact-1', 'fact-2', 'fact-3', 'word-casa'];

/** One rating on a device: which card, how, and how long after the device's previous one. */
type Step = { card: number; rating: Rating; afterMinutes: number };
const step = fc.record({
	card: fc.nat({ max: CARDS.length - 1 }),
	rating: fc.constantFrom(...RATINGS),
	afterMinutes: fc.integer({ min: 1, max: 5 * 24 * 60 })
});

interface Device {
	name: string;
	states: Map<string, StateRecord>;
	reviews: LoggedReview[];
	undone: Undone[];
	clock: number;
	made: number;
}

function device(name: string, clock = START): Device {
	return { name, states: new Map(), reviews: [], undone: [], clock, made: 0 };
}

/** The device takes back its last `count` ratings, as the study session's undo does. */
function undo(d: Device, count: number): void {
	for (let i = 0; i < count; i++) {
		const review = d.reviews.pop();
		if (!review) return;
		const state = replayCard(
			d.reviews.filter((r) => r.cardId === review.cardId),
			scheduler
		);
		if (state) d.states.set(review.cardId, state);
		else d.states.delete(review.cardId);
		d.undone.push({ uid: review.uid, cardId: review.cardId, at: new Date(d.clock).toISOString() });
	}
}

/** The device studies as the study session does: rate from its state (or a new card), log it. */
function study(d: Device, steps: readonly Step[]): Device {
	for (const s of steps) {
		d.clock += s.afterMinutes * 60_000;
		const now = new Date(d.clock);
		const id = CARDS[s.card];
		const where = { track: 'facts' as const, article: 'mosca-pyongyang' };
		const from = d.states.get(id) ?? { ...scheduler.newState(id, now), ...where };
		const { state, log } = scheduler.rate(from, s.rating, now);
		d.states.set(id, { ...state, ...where } as StateRecord);
		d.reviews.push({ ...log, ...where, uid: `${d.name}-${++d.made}` });
	}
	return d;
}

/** A device takes in another's progress, as an import or a sync does. */
function take(d: Device, other: Device): void {
	const plan = planMerge(
		{ states: [...d.states.values()], reviews: d.reviews, undone: d.undone },
		{ states: [...other.states.values()], reviews: other.reviews, undone: other.undone },
		scheduler
	);
	const removed = new Set(plan.removedReviews);
	d.reviews = mergeReviews(
		d.reviews.filter((r) => !removed.has(r.uid)),
		plan.newReviews
	);
	for (const id of plan.removedStates) d.states.delete(id);
	for (const state of plan.states) d.states.set(state.id, state);
	d.undone = [...d.undone, ...plan.undone];
}

const sorted = (states: Map<string, StateRecord>) =>
	[...states.values()].sort((a, b) => a.id.localeCompare(b.id));

/** A pool of reviews made by three devices, and logs that each hold some of them. */
const logs = fc
	.tuple(fc.array(step, { maxLength: 12 }), fc.array(step, { maxLength: 12 }))
	.chain(([a, b]) => {
		const pool = [...study(device('a'), a).reviews, ...study(device('b'), b).reviews];
		const log = fc
			.subarray(pool)
			.chain((sub) => fc.shuffledSubarray(sub, { minLength: sub.length }));
		return fc.tuple(log, log, log);
	});

describe('merging review logs', () => {
	it('is commutative, associative and idempotent, and loses no review', () => {
		fc.assert(
			fc.property(logs, ([x, y, z]) => {
				expect(mergeReviews(x, y)).toEqual(mergeReviews(y, x));
				expect(mergeReviews(mergeReviews(x, y), z)).toEqual(mergeReviews(x, mergeReviews(y, z)));
				expect(mergeReviews(x, x)).toEqual(mergeReviews(x));
				const uids = new Set([...x, ...y].map((r) => r.uid));
				expect(
					mergeReviews(x, y)
						.map((r) => r.uid)
						.sort()
				).toEqual([...uids].sort());
			})
		);
	});

	it('puts the merged log in time order', () => {
		fc.assert(
			fc.property(logs, ([x, y]) => {
				const times = mergeReviews(x, y).map((r) => Date.parse(r.reviewedAt));
				expect(times).toEqual([...times].sort((p, q) => p - q));
			})
		);
	});
});

/** Logs as above, each with some of the pool's reviews undone. */
const undoneLogs = logs.chain((three) => {
	const pool = three.flat();
	const side = (reviews: LoggedReview[]) =>
		fc.subarray(pool).map((gone) => ({
			reviews,
			undone: gone.map((r) => ({ uid: r.uid, cardId: r.cardId, at: r.reviewedAt }))
		}));
	return fc.tuple(side(three[0]), side(three[1]), side(three[2]));
});

describe('merging logs with undone reviews', () => {
	it('is commutative, associative and idempotent, and keeps exactly the reviews not undone', () => {
		fc.assert(
			fc.property(undoneLogs, ([x, y, z]) => {
				expect(mergeLogs(x, y)).toEqual(mergeLogs(y, x));
				expect(mergeLogs(mergeLogs(x, y), z)).toEqual(mergeLogs(x, mergeLogs(y, z)));
				expect(mergeLogs(x, x)).toEqual(mergeLogs(x));
				const gone = new Set([...x.undone, ...y.undone].map((u) => u.uid));
				const kept = new Set(
					[...x.reviews, ...y.reviews].map((r) => r.uid).filter((u) => !gone.has(u))
				);
				expect(new Set(mergeLogs(x, y).reviews.map((r) => r.uid))).toEqual(kept);
			})
		);
	});

	it("brings a device that had a review another one undid to the other one's states", () => {
		fc.assert(
			fc.property(
				fc.array(step, { minLength: 1, maxLength: 15 }),
				fc.array(step, { maxLength: 10 }),
				fc.nat({ max: 4 }),
				(onLaptop, onPhone, undos) => {
					const laptop = study(device('laptop'), onLaptop);
					const phone = device('phone', laptop.clock);
					take(phone, laptop);
					// The laptop takes ratings back after the phone has them; the phone studies on.
					undo(laptop, undos);
					study(phone, onPhone);
					take(phone, laptop);
					take(laptop, phone);
					expect(sorted(phone.states)).toEqual(sorted(laptop.states));
					expect(phone.reviews).toEqual(laptop.reviews);
					const gone = new Set(laptop.undone.map((u) => u.uid));
					expect(phone.reviews.filter((r) => gone.has(r.uid))).toEqual([]);
					expect(sorted(phone.states)).toEqual(sorted(replayStates(phone.reviews, scheduler)));
					// An old copy of the log (a backup made before the undo) brings nothing back.
					const old = { ...device('backup'), reviews: mergeReviews(phone.reviews, laptop.reviews) };
					take(phone, old);
					expect(phone.reviews).toEqual(laptop.reviews);
				}
			)
		);
	});

	it('makes a card new again when its only review is undone', () => {
		const laptop = study(device('laptop'), [{ card: 0, rating: 'good', afterMinutes: 5 }]);
		const phone = device('phone');
		take(phone, laptop);
		undo(laptop, 1);
		take(phone, laptop);
		expect(phone.states.has('fact-1')).toBe(false);
		expect(phone.reviews).toEqual([]);
	});
});

describe('replaying the log', () => {
	it('gives exactly the states the device computed while it studied (fuzz included)', () => {
		fc.assert(
			fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
				const d = study(device('a'), steps);
				expect(sorted(replayStates(d.reviews, scheduler))).toEqual(sorted(d.states));
			}),
			{ numRuns: 200 }
		);
	});

	it('brings two devices that studied offline to the same states, with every review', () => {
		fc.assert(
			fc.property(
				fc.array(step, { maxLength: 10 }),
				fc.array(step, { maxLength: 15 }),
				fc.array(step, { maxLength: 15 }),
				(shared, onPhone, onLaptop) => {
					// Both start from the same history (studied on the laptop, then copied to the phone).
					const laptop = study(device('laptop'), shared);
					const phone = device('phone', laptop.clock);
					take(phone, laptop);
					study(phone, onPhone);
					study(laptop, onLaptop);
					take(phone, laptop);
					take(laptop, phone);
					expect(sorted(phone.states)).toEqual(sorted(laptop.states));
					expect(phone.reviews).toEqual(laptop.reviews);
					expect(phone.reviews).toHaveLength(shared.length + onPhone.length + onLaptop.length);
					// And the result is what the scheduler gives for the merged log.
					expect(sorted(laptop.states)).toEqual(sorted(replayStates(laptop.reviews, scheduler)));
				}
			)
		);
	});

	it('leaves a card studied on one device only as that device computed it', () => {
		const laptop = study(device('laptop'), [{ card: 0, rating: 'good', afterMinutes: 5 }]);
		const phone = study(device('phone'), [
			{ card: 1, rating: 'good', afterMinutes: 1 },
			{ card: 1, rating: 'easy', afterMinutes: 3 * 24 * 60 }
		]);
		const before = phone.states.get('fact-2');
		take(laptop, phone);
		expect(laptop.states.get('fact-2')).toEqual(before);
		expect(laptop.states.get('fact-1')?.memory.reps).toBe(1);
	});

	it('replays a card rated on both devices offline in time order', () => {
		// The laptop rated Again at 08:00, the phone Good at 09:00, each from the same new card.
		const laptop = study(device('laptop'), [{ card: 0, rating: 'again', afterMinutes: 60 }]);
		const phone = study(device('phone'), [{ card: 0, rating: 'good', afterMinutes: 120 }]);
		take(laptop, phone);
		const memory = laptop.states.get('fact-1')!.memory;
		expect(memory.reps).toBe(2);
		expect(memory.last_review).toBe(phone.reviews[0].reviewedAt);
	});
});

describe('merge plans', () => {
	it('counts the reviews already here and adds only the new ones', () => {
		const laptop = study(device('laptop'), [
			{ card: 0, rating: 'good', afterMinutes: 5 },
			{ card: 1, rating: 'good', afterMinutes: 5 }
		]);
		const plan = planMerge(
			{ states: [...laptop.states.values()], reviews: laptop.reviews.slice(0, 1) },
			{ states: [...laptop.states.values()], reviews: laptop.reviews },
			scheduler
		);
		expect(plan.knownReviews).toBe(1);
		expect(plan.newReviews.map((r) => r.uid)).toEqual([laptop.reviews[1].uid]);
		expect(plan.states.map((s) => s.id)).toEqual(['fact-2']);
	});

	it('keeps the later word mark and the first pick of a card', () => {
		const plan = planMerge(
			{
				states: [],
				reviews: [],
				words: [{ id: 'casa', status: 'next', at: '2026-11-20T10:00:00.000Z' }],
				picks: [{ id: 'fact-1', from: 'class:111111', at: '2026-11-20T10:00:00.000Z' }]
			},
			{
				states: [],
				reviews: [],
				words: [{ id: 'casa', status: 'known', at: '2026-11-21T10:00:00.000Z' }],
				picks: [{ id: 'fact-1', from: 'class:222222', at: '2026-11-21T10:00:00.000Z' }]
			},
			scheduler
		);
		expect(plan.words).toEqual([{ id: 'casa', status: 'known', at: '2026-11-21T10:00:00.000Z' }]);
		expect(plan.picks).toEqual([]);
	});

	it('tells copies of a review from different reviews under one id', () => {
		const [r] = study(device('a'), [{ card: 0, rating: 'good', afterMinutes: 5 }]).reviews;
		expect(repeatedReviews([r, { ...r }, { ...r, rating: 'easy' }])).toEqual({
			copies: 1,
			clashes: [2]
		});
	});
});

describe('review ids', () => {
	it('are unique across devices and URL-safe', () => {
		const ids = new Set(Array.from({ length: 2000 }, () => newReviewUid()));
		expect(ids.size).toBe(2000);
		for (const id of ids) expect(id).toMatch(/^r-[A-Za-z0-9_-]{22}$/);
	});

	it('give an old review the same id wherever it is read', () => {
		const review = { cardId: 'fact-1', reviewedAt: '2026-11-23T10:00:00Z' };
		expect(legacyReviewUid(review)).toBe(
			legacyReviewUid({ ...review, reviewedAt: '2026-11-23T10:00:00.000Z' })
		);
		expect(legacyReviewUid(review)).not.toBe(legacyReviewUid({ ...review, cardId: 'fact-2' }));
	});
});
