import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { default_w, forgetting_curve, fsrs, generatorParameters, type FSRSState } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { fitParameters } from '$lib/server/fsrs/fit';
import {
	fsrsItems,
	MAX_REVIEWS,
	MIN_USABLE,
	optimiseRequest,
	toOptimiseRequest,
	usableCount
} from '$lib/srs/optimise';
import {
	createScheduler,
	State,
	type CardState,
	type Rating,
	type ReviewLog
} from '$lib/srs/scheduler';
import { DEFAULT_SETTINGS, validateSettings, type SrsSettings } from '$lib/srs/settings';
import { BACKUP_FORMAT, BACKUP_VERSION } from '$lib/storage/records';
import { POST } from '../../src/routes/api/fsrs/optimise/+server';

const DAY = 86_400_000;
const START = Date.parse('2025-01-01T15:00:00Z');

/** A seeded generator (mulberry32), so the simulated learner answers the same on every run. */
function random(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

// Every review a long-term one: the learner's memory, not the steps, is what is simulated.
const NO_STEPS: SrsSettings = { ...DEFAULT_SETTINGS, learningSteps: [], relearningSteps: [] };

interface Simulation {
	log: ReviewLog[];
	/**
	 * Share of the reviews recalled, over reviews after an interval of 3 days or more: shorter
	 * ones are often the scheduler's floor of one day (no steps here), not the interval it chose.
	 */
	retention: number;
}

/**
 * The simulated learner's memory: FSRS with its default parameters but for two, so that their
 * stability is about half the one FSRS assumes: the first stabilities (w0–w3) halved, and the
 * growth after a recall (e^w8) halved. A learner FSRS can describe, so a fit can find them.
 */
const TRUE_W = default_w.map((w, i) => (i < 4 ? w / 2 : i === 8 ? w - Math.LN2 : w));
const learner = fsrs(generatorParameters({ w: TRUE_W }));
const GRADE: Record<Rating, number> = { again: 1, hard: 2, good: 3, easy: 4 };

/**
 * That learner studying with our scheduler (its `parameters`; FSRS's defaults when absent): 20 new
 * cards a day for 20 days, every due card reviewed once a day for 100 days.
 */
function simulate(seed: number, parameters?: number[]): Simulation {
	const rand = random(seed);
	const scheduler = createScheduler({ ...NO_STEPS, parameters }, { timeZone: 'UTC' });
	const cards: { state: CardState; memory: FSRSState | null }[] = [];
	const log: ReviewLog[] = [];
	let recalled = 0;
	let reviews = 0;
	for (let day = 0; day < 100; day++) {
		const now = new Date(START + day * DAY);
		if (day < 20) {
			for (let i = 0; i < 20; i++) {
				cards.push({ state: scheduler.newState(`c${cards.length}`, now), memory: null });
			}
		}
		for (const card of cards) {
			if (Date.parse(card.state.memory.due) > now.getTime()) continue;
			let rating: Rating;
			let t = 0;
			if (card.memory === null) {
				rating = rand() < 0.75 ? 'good' : 'again';
			} else {
				t = Math.round((now.getTime() - Date.parse(card.state.memory.last_review!)) / DAY);
				rating = rand() < forgetting_curve(TRUE_W, t, card.memory.stability) ? 'good' : 'again';
				if (card.state.memory.scheduled_days >= 3) {
					reviews++;
					if (rating === 'good') recalled++;
				}
			}
			card.memory = learner.next_state(card.memory, t, GRADE[rating]);
			const rated = scheduler.rate(card.state, rating, now);
			card.state = rated.state;
			log.push(rated.log);
		}
	}
	return { log, retention: recalled / reviews };
}

describe('training items', () => {
	const review = (
		cardId: string,
		at: number,
		rating: Rating,
		elapsedDays: number,
		previousState = State.Review
	) => ({
		cardId,
		rating,
		reviewedAt: new Date(START + at * DAY).toISOString(),
		previousState,
		elapsedDays
	});

	it('are each card’s history up to a review on a later day, first review at 0 days', () => {
		const log = [
			review('b', 1, 'good', 0, State.New),
			review('a', 0, 'again', 0, State.New),
			review('a', 0.01, 'good', 0, State.Learning),
			review('a', 2, 'good', 2),
			review('b', 4, 'hard', 3),
			review('a', 7, 'again', 5)
		];
		const request = toOptimiseRequest(log);
		expect(request.reviews).toEqual([
			[0, 1, 0],
			[0, 3, 0],
			[1, 3, 0],
			[0, 3, 2],
			[1, 2, 3],
			[0, 1, 5]
		]);
		expect(fsrsItems(request.reviews)).toEqual([
			[
				{ rating: 1, deltaT: 0 },
				{ rating: 3, deltaT: 0 },
				{ rating: 3, deltaT: 2 }
			],
			[
				{ rating: 3, deltaT: 0 },
				{ rating: 2, deltaT: 3 }
			],
			[
				{ rating: 1, deltaT: 0 },
				{ rating: 3, deltaT: 0 },
				{ rating: 3, deltaT: 2 },
				{ rating: 1, deltaT: 5 }
			]
		]);
		expect(usableCount(log)).toBe(3);
	});

	it('start again after a card is reset', () => {
		const log = [
			review('a', 0, 'good', 0, State.New),
			review('a', 3, 'good', 3),
			review('a', 5, 'good', 0, State.New),
			review('a', 8, 'good', 3)
		];
		expect(toOptimiseRequest(log).reviews.map(([card]) => card)).toEqual([0, 0, 1, 1]);
		expect(fsrsItems(toOptimiseRequest(log).reviews)).toHaveLength(2);
	});

	it('keep a long log under the size limit, dropping the oldest cards whole', () => {
		const log: ReturnType<typeof review>[] = [];
		for (let i = 0; i < MAX_REVIEWS / 2 + 10; i++) {
			log.push(review(`c${i}`, i / 1000, 'good', 0, State.New));
			log.push(review(`c${i}`, i / 1000 + 3, 'good', 3));
		}
		const request = toOptimiseRequest(log);
		expect(request.reviews.length).toBeLessThanOrEqual(MAX_REVIEWS);
		expect(optimiseRequest.safeParse(request).success).toBe(true);
		expect(JSON.stringify(request).length).toBeLessThan(512 * 1024);
		// Every card sent starts with its first review.
		const items = fsrsItems(request.reviews);
		expect(items.length).toBe(request.reviews.length / 2);
	});
});

describe('the optimise endpoint', () => {
	const post = (body: string) =>
		POST({ request: new Request('http://x/api/fsrs/optimise', { method: 'POST', body }) } as never);

	it('refuses what is not a review log, and a log too small to fit', async () => {
		expect((await post('nope')).status).toBe(400);
		expect((await post(JSON.stringify({ reviews: [[0, 5, 0]] }))).status).toBe(400);
		expect(
			(
				await post(
					JSON.stringify({
						reviews: [
							[0, 3, 0],
							[0, 3, 2]
						]
					})
				)
			).status
		).toBe(422);
		expect((await post('x'.repeat(600 * 1024))).status).toBe(413);
	});

	it('fits one log at a time', async () => {
		const body = JSON.stringify(toOptimiseRequest(simulate(3).log));
		const [first, second] = await Promise.all([post(body), post(body)]);
		expect([first.status, second.status].sort()).toEqual([200, 503]);
		const result = await (first.status === 200 ? first : second).json();
		expect(result.parameters).toHaveLength(21);
	});
});

describe('fitting to a learner who forgets faster than FSRS assumes', () => {
	it(
		'brings the retention delivered toward the desired retention',
		{ timeout: 120_000 },
		async () => {
			const before = simulate(1);
			const fit = await fitParameters(toOptimiseRequest(before.log));
			const after = simulate(2, fit.parameters);
			console.log(
				`desired retention ${DEFAULT_SETTINGS.desiredRetention}; delivered with defaults ` +
					`${before.retention.toFixed(3)}, with fitted parameters ${after.retention.toFixed(3)}; ` +
					`${fit.usable} usable reviews; log loss ${fit.before.logLoss.toFixed(4)} → ` +
					`${fit.after.logLoss.toFixed(4)}, RMSE ${fit.before.rmse.toFixed(4)} → ${fit.after.rmse.toFixed(4)}`
			);
			expect(fit.usable).toBeGreaterThanOrEqual(MIN_USABLE);
			expect(fit.after.logLoss).toBeLessThan(fit.before.logLoss);
			expect(fit.after.rmse).toBeLessThan(fit.before.rmse);
			const gap = (r: number) => Math.abs(r - DEFAULT_SETTINGS.desiredRetention);
			expect(before.retention).toBeLessThan(0.87);
			expect(gap(after.retention)).toBeLessThan(gap(before.retention) / 2);
			// The parameters survive the settings' checks (and so backups).
			expect(
				validateSettings({ ...DEFAULT_SETTINGS, parameters: fit.parameters }).parameters
			).toEqual(fit.parameters);
		}
	);
});

describe('npm run -s optimise -- backup.json', () => {
	const root = join(import.meta.dirname, '..', '..');
	const optimise = (...args: string[]) =>
		spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/optimise.ts', ...args], {
			cwd: root,
			encoding: 'utf8',
			timeout: 60_000
		});

	it(
		'prints the fitted parameters and the Evaluate figures of a backup',
		{ timeout: 90_000 },
		() => {
			const where = { track: 'facts', article: 'mosca-pyongyang' };
			const backup = {
				format: BACKUP_FORMAT,
				version: BACKUP_VERSION,
				exportedAt: new Date(START).toISOString(),
				settings: DEFAULT_SETTINGS,
				states: [],
				reviews: simulate(4).log.map((review) => ({ ...review, ...where }))
			};
			const file = join(mkdtempSync(join(tmpdir(), 'ripasso-optimise-')), 'backup.json');
			writeFileSync(file, JSON.stringify(backup));
			const run = optimise(file);
			expect(run.stderr).toBe('');
			const printed = JSON.parse(run.stdout);
			expect(printed.reviews).toBe(backup.reviews.length);
			expect(printed.parameters).toHaveLength(21);
			expect(printed.after.logLoss).toBeLessThan(printed.before.logLoss);

			const missing = optimise(join(tmpdir(), 'no-such-backup.json'));
			expect(missing.status).toBe(1);
			expect(missing.stderr).toMatch(/^optimise: no such file/);
			expect(optimise().status).toBe(2);
		}
	);
});
