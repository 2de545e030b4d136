/**
 * Speed of the spaced-repetition code on a large collection: 20,000 cards and 200,000 reviews.
 * `benchSrs()` is called by `scripts/bench.ts`; `npx tsx scripts/bench/srs.ts` runs it alone.
 *
 * Figures are medians after a warm-up and are compared with a bare pass of ts-fsrs over the same
 * cards measured in the same run, so a slow or busy machine does not hide a regression.
 */
import { performance } from 'node:perf_hooks';
import { fsrs, Rating as FsrsRating, type Card as FsrsCard } from 'ts-fsrs';
import type { Track } from '$lib/cards/types';
import { mulberry32 } from '$lib/random/prng';
import { buildQueue, type QueueCard } from '$lib/srs/queue';
import { reviewsSince } from '$lib/srs/log';
import { median, ms } from './timing';
import { startOfDay } from '$lib/srs/day';
import { createScheduler, fsrsParameters, type Rating } from '$lib/srs/scheduler';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
import { computeStats } from '$lib/srs/stats';
import type { ReviewRecord, StateRecord } from '$lib/storage/records';

const CARDS = 20_000;
const REVIEWS_PER_CARD = 10; // 200,000 reviews in all
const SIBLINGS = 3;
const TARGET_MS = 50;
const DAY = 86_400_000;
const NOW = new Date('2025-06-15T10:00:00Z');
const TIME_ZONE = 'Europe/Rome';
const ARTICLE = 'mosca-pyongyang';

interface Fixture {
	cards: QueueCard[];
	states: Map<string, StateRecord>;
	reviews: ReviewRecord[];
}

/** A rating as learners give them: mostly Good, some Again, Hard and Easy. */
function pick(r: number): Rating {
	if (r < 0.1) return 'again';
	if (r < 0.2) return 'hard';
	if (r < 0.9) return 'good';
	return 'easy';
}

/**
 * Cards introduced on days spread over the past year, each rated ten times through the real
 * scheduler: when due, or earlier when its due date lies after `NOW` (so every review is in the
 * past). The states and the log are exactly what the app would have stored.
 */
function buildFixture(): Fixture {
	const random = mulberry32(42);
	const scheduler = createScheduler(DEFAULT_SETTINGS);
	const cards: QueueCard[] = [];
	const states = new Map<string, StateRecord>();
	const reviews: ReviewRecord[] = [];
	const now = NOW.getTime();
	for (let i = 0; i < CARDS; i++) {
		const track: Track = i < CARDS / 2 ? 'facts' : 'vocab';
		const sibling = `${track}-${Math.floor(i / SIBLINGS)}`;
		const id = `${sibling}-${i % SIBLINGS}`;
		cards.push({ id, track, sibling });
		let t = now - 365 * DAY + random() * 355 * DAY;
		let state = scheduler.newState(id, new Date(t));
		for (let n = 0; n < REVIEWS_PER_CARD; n++) {
			const { state: next, log } = scheduler.rate(state, pick(random()), new Date(t));
			reviews.push({ ...log, track, article: ARTICLE });
			state = next;
			const due = Date.parse(state.memory.due);
			t = due < now ? due : t + (now - t) * (0.2 + 0.6 * random());
		}
		states.set(id, { ...state, track, article: ARTICLE });
	}
	// IndexedDB hands the log back in insertion order, that is by time, with ids from 1.
	const times = reviews.map((r) => Date.parse(r.reviewedAt));
	const order = Array.from(reviews.keys()).sort((a, b) => times[a] - times[b]);
	return { cards, states, reviews: order.map((k, id) => ({ ...reviews[k], id: id + 1 })) };
}

export function benchSrs(): void {
	console.log('Spaced repetition (20,000 cards, 200,000 reviews; same code as the browser)');
	const start = performance.now();
	const { cards, states, reviews } = buildFixture();
	const size = `${cards.length.toLocaleString('en')} cards, ${reviews.length.toLocaleString('en')} reviews`;
	const recent = Date.parse(reviews[reviews.length - 1].reviewedAt) - 30 * DAY;
	const inWindow = reviews.filter((r) => Date.parse(r.reviewedAt) >= recent).length;
	console.log(
		`  fixture built through createScheduler in ${ms(performance.now() - start)}; ${inWindow.toLocaleString('en')} reviews in the last 30 days`
	);

	const settings = DEFAULT_SETTINGS;
	const f = fsrs(fsrsParameters(settings));
	const fsrsCards: FsrsCard[] = [...states.values()].map(({ memory: card }) => ({
		...card,
		due: new Date(card.due),
		last_review: card.last_review === null ? undefined : new Date(card.last_review)
	}));
	const bareNext = median(
		9,
		() => {
			for (const card of fsrsCards) f.next(card, NOW, FsrsRating.Good);
		},
		3
	);
	const bareRepeat = median(
		9,
		() => {
			for (const card of fsrsCards) f.repeat(card, NOW);
		},
		3
	);

	// The study page hands buildQueue the reviews of today only (reviewsSince, as in
	// session.svelte.ts); the whole log is the worst case buildQueue itself accepts.
	const dayStart = startOfDay(NOW, settings.dayStartHour, TIME_ZONE);
	const todayFilter = () => reviewsSince(reviews, dayStart);
	const todaysLog = todayFilter();
	const filter = median(15, todayFilter, 3);
	const queueWith = (log: ReviewRecord[]) => () =>
		buildQueue({
			cards,
			states,
			todaysLog: log,
			settings,
			now: NOW,
			track: 'facts',
			timeZone: TIME_ZONE
		});
	const queue = median(15, queueWith(todaysLog), 3);
	const queueWhole = median(15, queueWith(reviews), 3);
	const stats = median(
		15,
		() =>
			computeStats({
				states,
				reviews,
				settings,
				now: NOW,
				timeZone: TIME_ZONE,
				totalCards: { facts: CARDS / 2, vocab: CARDS / 2 }
			}),
		3
	);

	const line = (label: string, time: number) =>
		console.log(
			`  ${label} (${size}): ${ms(time)}  target < ${TARGET_MS} ms  (${(time / bareNext).toFixed(2)}× a bare ts-fsrs pass)`
		);
	line(`queue, one track, today's ${todaysLog.length} reviews`, queue);
	console.log(
		`  (worst case, not what the app does: the whole log passed to the queue: ${ms(queueWhole)})`
	);
	line("study page's filter of today's log", filter);
	line('stats, all tracks', stats);
	console.log(
		`  bare ts-fsrs pass, f.next once per card (${cards.length.toLocaleString('en')} cards): ${ms(bareNext)}`
	);
	console.log(
		`  bare ts-fsrs pass, f.repeat once per card: ${ms(bareRepeat)}  (${(bareRepeat / bareNext).toFixed(2)}× f.next)`
	);
}

if (import.meta.url === `file://${process.argv[1]}`) benchSrs();
