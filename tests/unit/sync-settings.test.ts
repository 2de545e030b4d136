import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type SrsSettings } from '$lib/srs/settings';
import { mergeSettings, stampChanges, type StampedSettings } from '$lib/sync/settings';

const fresh: StampedSettings = { settings: DEFAULT_SETTINGS, changedAt: {} };
const at = (hour: number) => new Date(Date.UTC(2026, 10, 23, hour));

describe('settings merged field by field', () => {
	it('keeps a retention changed on the laptop and a limit changed on the phone', () => {
		const laptop = stampChanges(fresh, { ...DEFAULT_SETTINGS, desiredRetention: 0.85 }, at(9));
		const phone = stampChanges(
			fresh,
			{
				...DEFAULT_SETTINGS,
				limits: { ...DEFAULT_SETTINGS.limits, vocab: { newPerDay: 5, reviewsPerDay: 100 } }
			},
			at(10)
		);
		const { merged, fromOther } = mergeSettings(laptop, phone);
		expect(merged.settings.desiredRetention).toBe(0.85);
		expect(merged.settings.limits.vocab.newPerDay).toBe(5);
		expect(fromOther).toEqual(['limits.vocab']);
		expect(mergeSettings(phone, laptop).merged).toEqual(merged);
	});

	it('lets the later change of one field win, and tells which fields came from the other side', () => {
		const morning = stampChanges(fresh, { ...DEFAULT_SETTINGS, dayStartHour: 5 }, at(8));
		const evening = stampChanges(fresh, { ...DEFAULT_SETTINGS, dayStartHour: 6 }, at(20));
		expect(mergeSettings(morning, evening).merged.settings.dayStartHour).toBe(6);
		expect(mergeSettings(morning, evening).fromOther).toEqual(['dayStartHour']);
		expect(mergeSettings(evening, morning).merged.settings.dayStartHour).toBe(6);
		expect(mergeSettings(evening, morning).fromOther).toEqual([]);
	});

	it('is commutative, associative and idempotent', () => {
		const side = fc
			.record({
				hour: fc.integer({ min: 0, max: 23 }),
				retention: fc.constantFrom(0.8, 0.85, 0.9, 0.95),
				start: fc.integer({ min: 0, max: 6 }),
				steps: fc.constantFrom(['1m', '10m'], ['5m'], ['10m', '1h'])
			})
			.map(({ hour, retention, start, steps }) => {
				const settings: SrsSettings = {
					...DEFAULT_SETTINGS,
					desiredRetention: retention,
					dayStartHour: start,
					learningSteps: [...steps]
				};
				return stampChanges(fresh, settings, at(hour));
			});
		const m = (a: StampedSettings, b: StampedSettings) => mergeSettings(a, b).merged;
		fc.assert(
			fc.property(side, side, side, (a, b, c) => {
				expect(m(a, b)).toEqual(m(b, a));
				expect(m(m(a, b), c)).toEqual(m(a, m(b, c)));
				expect(m(a, a)).toEqual(a);
			})
		);
	});
});
