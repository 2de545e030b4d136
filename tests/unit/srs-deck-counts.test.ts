/**
 * The home page's counts per article and track are the study page's: same cards left out, same
 * limits and burying, same numbers after ratings.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Card, CardType, Track } from '$lib/cards/types';
import { startOfDay } from '$lib/srs/day';
import { deckCounts } from '$lib/srs/deck-counts';
import { reviewsSince } from '$lib/srs/log';
import { DEFAULT_SETTINGS } from '$lib/srs/settings';
import type { Progress } from '$lib/storage/progress.svelte';
import { StudySession } from '../../src/routes/study/[slug]/[track]/session.svelte';
import { NOW, progressOn } from '../helpers/progress';

const ZONE = 'Europe/Rome';

function card(id: string, track: Track, type: CardType, sibling: string): Card {
	return {
		id,
		track,
		type,
		origin: 'curated',
		sibling,
		prompt: `Domanda ${id}`,
		prompt_en: `Question ${id}`,
		answer: 'sì',
		accept: [],
		options: [],
		source: { article: 'mosca-pyongyang', sentence: `s-${id}`, text: `Frase ${id}.` }
	};
}

const FACTS = [
	card('f1-open', 'facts', 'open', 'mosca-pyongyang:f1'),
	card('f1-num', 'facts', 'numeric', 'mosca-pyongyang:f1'),
	card('f2-open', 'facts', 'open', 'mosca-pyongyang:f2'),
	card('f3-open', 'facts', 'open', 'mosca-pyongyang:f3')
];
const VOCAB = [
	card('w1-rec', 'vocab', 'recognition', 'mosca-pyongyang:vocab:noun:truppa'),
	card('w1-listen', 'vocab', 'listening', 'mosca-pyongyang:vocab:noun:truppa'),
	card('w2-rec', 'vocab', 'recognition', 'mosca-pyongyang:vocab:verb:essere'),
	card('w3-listen', 'vocab', 'listening', 'mosca-pyongyang:vocab:noun:alleanza')
];

function counted(progress: Progress, voice: boolean) {
	const now = NOW;
	return deckCounts({
		cards: [...FACTS, ...VOCAB],
		states: progress.states,
		todaysLog: reviewsSince(
			progress.reviews,
			startOfDay(now, progress.settings.dayStartHour, ZONE)
		),
		settings: progress.settings,
		now,
		timeZone: ZONE,
		words: progress.words,
		voice,
		marks: progress.marks
	});
}

async function study(cards: Card[], progress: Progress, voice: boolean) {
	const session = new StudySession(cards, progress, {
		clock: () => NOW,
		timeZone: ZONE,
		findVoice: async () => (voice ? ({ lang: 'it-IT' } as SpeechSynthesisVoice) : null)
	});
	await session.open();
	return session;
}

describe('the counts of the home page', () => {
	it('agree with the study page, before and after ratings, with limits and burying', async () => {
		const progress = progressOn(undefined, () => NOW);
		await progress.saveSettings({
			...DEFAULT_SETTINGS,
			limits: { ...DEFAULT_SETTINGS.limits, facts: { newPerDay: 2, reviewsPerDay: 200 } }
		});
		await progress.refresh();
		const facts = await study(FACTS, progress, false);
		expect(counted(progress, false).facts).toEqual(facts.queue.counts);
		expect(facts.queue.counts).toEqual({ new: 2, learning: 0, review: 0 });
		facts.reveal();
		await facts.rate('again');
		// f1-num is buried, f1-open in learning, one new card left within the limit of 2.
		expect(counted(progress, false).facts).toEqual({ new: 1, learning: 1, review: 0 });
		expect(counted(progress, false).facts).toEqual(facts.queue.counts);
	});

	it('leave out words marked known, and listening cards without an Italian voice', async () => {
		const progress = progressOn(undefined, () => NOW);
		await progress.setWordStatus('verb:essere', 'known');
		await progress.refresh();
		for (const voice of [false, true]) {
			const vocab = await study(VOCAB, progress, voice);
			expect(counted(progress, voice).vocab).toEqual(vocab.queue.counts);
		}
		// w2 is known; without a voice only w1-rec is left, with one w3 too (w1's two are siblings,
		// but a new card is counted until a sibling is studied).
		expect(counted(progress, false).vocab.new).toBe(1);
		expect(counted(progress, true).vocab.new).toBe(3);
	});
});
