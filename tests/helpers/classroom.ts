import type { Card } from '$lib/cards/types';
import type { GameState, Outcome } from '$lib/classroom/game';

/** A fixed moment for game tests: the server's clock, in epoch ms. */
export const T0 = Date.UTC(2025, 2, 17, 9, 0, 0);

/** The new state of a transition that must succeed; a refusal fails the test with its reason. */
export function must<S extends GameState>(outcome: Outcome<string, object, S>): S {
	if (!outcome.ok) throw new Error(`unexpected ${outcome.error}`);
	return outcome.state;
}

/** A curated multiple-choice fact card with id `id` (its own sibling); `over` sets the rest. */
export function testCard(id: string, over: Partial<Card> = {}): Card {
	return {
		id,
		track: 'facts',
		type: 'multiple-choice',
		origin: 'curated',
		sibling: id,
		prompt: '',
		prompt_en: '',
		answer: '',
		accept: [],
		options: [],
		source: { article: 'unita', sentence: id, text: '' },
		...over
	};
}
