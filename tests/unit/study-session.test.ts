import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Card, CardType } from '$lib/cards/types';
import { startOfNextDay } from '$lib/srs/day';
import { State } from '$lib/srs/scheduler';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
import { Progress } from '$lib/storage/progress.svelte';
import { StudySession } from '../../src/routes/study/[slug]/[track]/session.svelte';
import { freshName, fullDisk, NOW, progressOn } from '../helpers/progress';

const MINUTE = 60_000;

function card(id: string, type: CardType, sibling: string, answer: string, options: string[] = []) {
	return {
		id,
		track: 'facts',
		type,
		origin: 'curated',
		sibling,
		prompt: `Domanda ${id}`,
		prompt_en: `Question ${id}`,
		answer,
		accept: [],
		options,
		source: { article: 'mosca-pyongyang', sentence: `s-${id}`, text: `Frase ${id}.` }
	} satisfies Card;
}

// `lavrov` and `visit` are siblings (one fact): once one is studied, the other waits for tomorrow.
const LAVROV = card('lavrov', 'multiple-choice', 'f1', 'Sergey Lavrov', [
	'Sergey Lavrov',
	'Sergei Shoigu',
	'Dmitry Medvedev',
	'Vladimir Putin'
]);
const VISIT = card('visit', 'open', 'f1', 'Pyongyang');
const YEAR = card('year', 'numeric', 'f2', '2024');
const SPOKEN = card('spoken', 'listening', 'f3', 'alleanza');
const VOICE = { name: 'Alice', lang: 'it-IT' } as SpeechSynthesisVoice;

/** A session on a database of its own; the clock is `time.now`, moved by the test. */
async function start(cards: Card[], options: { voice?: boolean; progress?: Progress } = {}) {
	const time = { now: NOW };
	const clock = () => time.now;
	const name = freshName();
	const progress = options.progress ?? progressOn(name, clock);
	const session = new StudySession(cards, progress, {
		clock,
		findVoice: async () => (options.voice ? VOICE : null)
	});
	await session.open();
	return { session, progress, time, name };
}

/** What another tab (or a reload) finds in the same database. */
async function reread(name: string) {
	const progress = progressOn(name);
	await progress.refresh();
	return progress;
}

describe('a study session', () => {
	it('shows new cards in the deck’s order and buries a sibling of a card studied today', async () => {
		const { session } = await start([LAVROV, VISIT, YEAR]);
		expect(session.status).toBe('ready');
		expect(session.card?.id).toBe('lavrov');
		expect(session.queue.counts).toEqual({ new: 3, learning: 0, review: 0 });
		session.reveal();
		await session.rate('good');
		// `visit`, next in the deck, is buried: its sibling was studied today. `lavrov` waits 10
		// minutes for its next step, and the Learning count says so.
		expect(session.card?.id).toBe('year');
		expect(session.queue.counts).toEqual({ new: 1, learning: 1, review: 0 });
		session.close();
	});

	it('counts each rating against the day’s limit of new cards, and each undo back', async () => {
		const progress = progressOn();
		const limits = { newPerDay: 1, reviewsPerDay: 200 };
		await progress.saveSettings({ ...DEFAULT_SETTINGS, limits: { facts: limits, vocab: limits } });
		const { session } = await start([LAVROV, YEAR], { progress });
		expect(session.queue.counts.new).toBe(1);
		session.reveal();
		// Easy: straight to review, due in days; no new card is left for today.
		await session.rate('easy');
		expect(session.card).toBeNull();
		expect(session.queue.counts).toEqual({ new: 0, learning: 0, review: 0 });
		// The done screen names tomorrow, when the limit lets `year` in, not a day already gone.
		expect(session.nextDue).toEqual(startOfNextDay(NOW, DEFAULT_SETTINGS.dayStartHour));
		expect(await session.undo()).toBe(true);
		expect(session.card?.id).toBe('lavrov');
		expect(session.queue.counts.new).toBe(1);
		session.close();
	});

	it('puts a card picked in class before the others, with its siblings', async () => {
		const progress = progressOn();
		await progress.addPicks(['year'], 'class:482913');
		const { session } = await start([LAVROV, VISIT, YEAR], { progress });
		expect(session.card?.id).toBe('year');
		session.close();
	});

	it('grades an answer and suggests the rating: wrong Again, a slip Hard, right Good', async () => {
		const { session } = await start([VISIT]);
		expect(session.suggested).toBe('good');
		session.answer('Mosca');
		expect(session.revealed).toBe(true);
		expect(session.result?.verdict).toBe('wrong');
		expect(session.suggested).toBe('again');

		const typo = await start([VISIT]);
		typo.session.answer('Pyongyng');
		expect(typo.session.result?.verdict).toBe('close');
		expect(typo.session.suggested).toBe('hard');

		const right = await start([LAVROV]);
		right.session.answer('Sergey Lavrov');
		expect(right.session.suggested).toBe('good');
	});

	it('stores a rating before moving on, at the time of the clock', async () => {
		const { session, name, time } = await start([LAVROV, YEAR]);
		session.answer('Sergei Shoigu');
		// No rating before the answer side is shown; then the one chosen is stored.
		await session.rate('again');
		expect(session.card?.id).toBe('year');
		expect(session.revealed).toBe(false);
		expect(session.result).toBeNull();

		const disk = await reread(name);
		expect(disk.reviews).toMatchObject([
			{ cardId: 'lavrov', rating: 'again', reviewedAt: NOW.toISOString() }
		]);
		const memory = disk.states.get('lavrov')!.memory;
		expect(memory.state).toBe(State.Learning);
		expect(Date.parse(memory.due)).toBe(NOW.getTime() + MINUTE);

		// A minute later the card rated Again is due, and comes before the new one.
		time.now = new Date(NOW.getTime() + 2 * MINUTE);
		session.reveal();
		await session.rate('good');
		expect(session.card?.id).toBe('lavrov');
		// `lavrov` due now and `year` waiting for its 10-minute step.
		expect(session.queue.counts.learning).toBe(2);
		session.close();
	});

	it('undoes a rating exactly: the same card, the same state, nothing left on disk', async () => {
		const { session, name, progress, time } = await start([LAVROV, YEAR]);
		session.reveal();
		await session.rate('good');
		const afterFirst = progress.states.get('lavrov');
		time.now = new Date(NOW.getTime() + 11 * MINUTE);
		session.reveal();
		await session.rate('good');
		expect(session.card?.id).toBe('lavrov');
		session.reveal();
		const preview = session.preview;
		await session.rate('easy');

		expect(await session.undo()).toBe(true);
		expect(session.card?.id).toBe('lavrov');
		expect(progress.states.get('lavrov')).toEqual(afterFirst);
		session.reveal();
		expect(session.preview).toEqual(preview);

		expect(await session.undo()).toBe(true);
		expect(await session.undo()).toBe(true);
		expect(await session.undo()).toBe(false);
		expect(session.card?.id).toBe('lavrov');
		expect(session.queue.counts.new).toBe(2);
		const disk = await reread(name);
		expect(disk.states.size).toBe(0);
		expect(disk.reviews).toEqual([]);
		session.close();
	});

	it('keeps the card on screen and says why when a rating cannot be stored', async () => {
		const { progress, disk } = fullDisk();
		const { session } = await start([LAVROV, YEAR], { progress });
		session.answer('Sergey Lavrov');
		await session.rate('good');
		expect(session.card?.id).toBe('lavrov');
		expect(session.revealed).toBe(true);
		expect(session.failed).toBe('rate');
		expect(session.problem).toMatch(/quota/);
		expect(session.canUndo).toBe(false);

		disk.full = false;
		await session.rate('good');
		expect(session.failed).toBeNull();
		expect(session.card?.id).toBe('year');
		session.close();
	});

	it('leaves listening cards out when the browser has no Italian voice', async () => {
		const without = await start([SPOKEN, YEAR]);
		expect(without.session.voice).toBeNull();
		expect(without.session.card?.id).toBe('year');
		expect(without.session.queue.counts.new).toBe(1);

		const withVoice = await start([SPOKEN, YEAR], { voice: true });
		expect(withVoice.session.card?.id).toBe('spoken');
		expect(withVoice.session.queue.counts.new).toBe(2);
	});

	it('says storage is unavailable instead of showing cards', async () => {
		const progress = new Progress(
			async () => {
				throw new Error('The operation is insecure.');
			},
			() => NOW
		);
		const { session } = await start([LAVROV], { progress });
		expect(session.status).toBe('unavailable');
		expect(session.problem).toMatch(/insecure/);
		session.reveal();
		await session.rate('good');
		expect(progress.reviews).toEqual([]);
	});
});
