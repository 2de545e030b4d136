import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Card } from '$lib/cards/types';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
import { StudySession } from '../../src/routes/study/[slug]/[track]/session.svelte';
import { freshName, NOW, progressOn } from '../helpers/progress';

const DAY = 86_400_000;

const card = (id: string): Card => ({
	id,
	track: 'facts',
	type: 'true-false',
	origin: 'curated',
	sibling: id,
	prompt: `Domanda ${id}`,
	prompt_en: `Question ${id}`,
	answer: 'vero',
	accept: [],
	options: ['vero', 'falso'],
	source: { article: 'mosca-pyongyang', sentence: `s-${id}`, text: `Frase ${id}.` }
});
const CARDS = ['a', 'b', 'c'].map(card);

/** A session whose new-card limit is 1, on a database of its own; the clock is `time.now`. */
async function start() {
	const time = { now: NOW };
	const clock = () => time.now;
	const name = freshName();
	const progress = progressOn(name, clock);
	await progress.refresh();
	const limits = { ...DEFAULT_SETTINGS.limits, facts: { newPerDay: 1, reviewsPerDay: 200 } };
	await progress.saveSettings({ ...DEFAULT_SETTINGS, limits, learningSteps: [] });
	const session = new StudySession(CARDS, progress, { clock, findVoice: async () => null });
	await session.open();
	return { session, progress, time, name };
}

async function rateShown(session: StudySession, rating: 'again' | 'good' | 'easy') {
	session.reveal();
	await session.rate(rating);
}

describe('custom study in a session', () => {
	it('adds new cards for today only, kept in this browser', async () => {
		const { session, time, name } = await start();
		await rateShown(session, 'easy');
		expect(session.card).toBeNull();
		await session.moreNew(2);
		expect(session.queue.counts.new).toBe(2);
		// A reload (another session on the same database) keeps them; tomorrow they are gone.
		const again = new StudySession(
			CARDS,
			progressOn(name, () => time.now),
			{
				clock: () => time.now,
				findVoice: async () => null
			}
		);
		await again.open();
		expect(again.queue.counts.new).toBe(2);
		time.now = new Date(NOW.getTime() + DAY);
		const tomorrow = new StudySession(
			CARDS,
			progressOn(name, () => time.now),
			{
				clock: () => time.now,
				findVoice: async () => null
			}
		);
		await tomorrow.open();
		expect(tomorrow.extraNew).toBe(0);
	});

	it('reviews ahead the cards due in the next days, then goes back to the ordinary queue', async () => {
		const { session, progress } = await start();
		await rateShown(session, 'easy');
		expect(session.card).toBeNull();
		const ahead = session.ahead(30);
		expect(ahead).toHaveLength(1);
		const due = progress.states.get(ahead[0])!.memory.due;
		session.startCustom('ahead', ahead);
		expect(session.customActive).toBe(true);
		expect(session.card?.id).toBe(ahead[0]);
		await rateShown(session, 'good');
		// Rescheduled from the early review, and the custom session is over.
		expect(progress.states.get(ahead[0])!.memory.due).not.toBe(due);
		expect(session.customActive).toBe(false);
		expect(session.card).toBeNull();
	});

	it('studies the cards missed this week, each once', async () => {
		const { session, time } = await start();
		await rateShown(session, 'again');
		const missed = session.reviews[0].cardId;
		// No steps: Again sends it to Review, due tomorrow, so the ordinary queue is done today.
		expect(session.card).toBeNull();
		time.now = new Date(NOW.getTime() + 60_000);
		expect(session.missed).toEqual([missed]);
		session.startCustom('missed', session.missed);
		expect(session.card?.id).toBe(missed);
		await rateShown(session, 'good');
		expect(session.customActive).toBe(false);
		expect(session.card).toBeNull();
	});
});
