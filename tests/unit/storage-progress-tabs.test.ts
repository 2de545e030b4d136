/**
 * The same card rated in two tabs of one browser makes one review (issue 14, point 6): the write
 * checks, inside its transaction, that the stored state is still the one the tab rated from.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Card } from '$lib/cards/types';
import { openProgress } from '$lib/storage/progress';
import { Progress } from '$lib/storage/progress.svelte';
import { StudySession } from '../../src/routes/study/[slug]/[track]/session.svelte';
import { freshName, NOW, rated, scheduler } from '../helpers/progress';

const where = { track: 'facts' as const, article: 'mosca-pyongyang' };
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

const opened: Progress[] = [];
/** A tab's progress on database `name`, telling the other tabs on a channel of that name. */
function tab(name: string, clock = () => NOW) {
	const progress = new Progress((events) => openProgress(name, events), clock, name);
	opened.push(progress);
	return progress;
}
afterEach(async () => {
	await Promise.all(opened.splice(0).map((progress) => progress.close()));
});

/** Resolves once `progress` has heard a change from another tab. */
const heard = (progress: Progress) =>
	new Promise<void>((done) => {
		const stop = progress.onRemoteChange(() => {
			stop();
			done();
		});
	});

function card(id: string, sibling: string): Card {
	return {
		id,
		track: 'facts',
		type: 'open',
		origin: 'curated',
		sibling,
		prompt: `Domanda ${id}`,
		prompt_en: `Question ${id}`,
		answer: 'Pyongyang',
		accept: [],
		options: [],
		source: { article: 'mosca-pyongyang', sentence: `s-${id}`, text: `Frase ${id}.` }
	};
}

describe('the store, rating from a state', () => {
	it('writes nothing when another tab rated the card since (new card)', async () => {
		const name = freshName();
		const store = await openProgress(name);
		const first = rated('card-1');
		const second = rated('card-1', later(1));
		expect(await store.saveReview(first.state, first.review, null)).toBeTypeOf('number');
		expect(await store.saveReview(second.state, second.review, null)).toBeNull();
		const { states, reviews } = await store.load();
		expect(reviews).toHaveLength(1);
		expect(states.get('card-1')).toEqual(first.state);
		store.close();
	});

	it('writes nothing when the card was reviewed since, and writes once the state matches', async () => {
		const store = await openProgress(freshName());
		const first = rated('card-1');
		await store.saveReview(first.state, first.review, null);
		const a = scheduler.rate(first.state, 'again', later(10));
		const b = scheduler.rate(first.state, 'easy', later(11));
		await store.saveReview({ ...a.state, ...where }, { ...a.log, ...where }, first.state);
		expect(
			await store.saveReview({ ...b.state, ...where }, { ...b.log, ...where }, first.state)
		).toBeNull();
		const { reviews } = await store.load();
		expect(reviews.map((r) => r.rating)).toEqual(['good', 'again']);
		store.close();
	});

	it('lets two tabs racing on one card store exactly one review', async () => {
		const name = freshName();
		const [one, two] = [tab(name), tab(name)];
		await Promise.all([one.refresh(), two.refresh()]);
		const a = rated('card-1');
		const b = rated('card-1', later(1));
		const ids = await Promise.all([
			one.saveReview(a.state, a.review, null),
			two.saveReview(b.state, b.review, null)
		]);
		expect(ids.filter((id) => id === null)).toHaveLength(1);
		const fresh = tab(name);
		await fresh.refresh();
		expect(fresh.reviews).toHaveLength(1);
	});
});

describe('two tabs', () => {
	it('keep each other’s counts fresh: a rating in one shows in the other without a reload', async () => {
		const name = freshName();
		const [one, two] = [tab(name), tab(name)];
		await Promise.all([one.refresh(), two.refresh()]);
		const news = heard(two);
		const { state, review } = rated('card-1');
		await one.saveReview(state, review, null);
		await news;
		expect(two.states.get('card-1')).toEqual(state);
		expect(two.reviews).toHaveLength(1);
	});

	it('a card rated in one tab is not rated again in the other, which says so and moves on', async () => {
		const name = freshName();
		const cards = [card('lavrov', 'f1'), card('year', 'f2')];
		const open = async (progress: Progress) => {
			const session = new StudySession(cards, progress, {
				clock: () => NOW,
				findVoice: async () => null
			});
			await session.open();
			return session;
		};
		const [p1, p2] = [tab(name), tab(name)];
		const [s1, s2] = [await open(p1), await open(p2)];
		expect([s1.card?.id, s2.card?.id]).toEqual(['lavrov', 'lavrov']);
		s2.reveal();
		s1.reveal();
		const news = heard(p2);
		await s1.rate('good');
		await news;
		// The second tab's learner is still answering: the card stays, the counts follow the first tab.
		expect(s2.card?.id).toBe('lavrov');
		expect(s2.queue.counts).toEqual(s1.queue.counts);
		await s2.rate('easy');
		expect(s2.ratedElsewhere).toBe(true);
		expect(s2.card?.id).toBe('year');
		expect(s2.reviews).toEqual([]);
		expect(s2.queue.counts).toEqual(s1.queue.counts);
		const fresh = tab(name);
		await fresh.refresh();
		expect(fresh.reviews.map((r) => [r.cardId, r.rating])).toEqual([['lavrov', 'good']]);
		s1.close();
		s2.close();
	});
});
