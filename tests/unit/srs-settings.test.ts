import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, validateSettings } from '$lib/srs/settings';

const withField = (patch: Record<string, unknown>) => ({
	...structuredClone(DEFAULT_SETTINGS),
	...patch
});

describe('validateSettings', () => {
	it('accepts the defaults and returns a copy', () => {
		const copy = validateSettings(JSON.parse(JSON.stringify(DEFAULT_SETTINGS)));
		expect(copy).toEqual(DEFAULT_SETTINGS);
		expect(copy.limits).not.toBe(DEFAULT_SETTINGS.limits);
	});

	it('rejects bad input with a message naming the field', () => {
		expect(() => validateSettings(null)).toThrow(/settings/);
		expect(() => validateSettings(withField({ desiredRetention: 0.99 }))).toThrow(
			/desiredRetention.*0\.7 to 0\.97/
		);
		expect(() => validateSettings(withField({ desiredRetention: '0.9' }))).toThrow(
			/desiredRetention/
		);
		expect(() => validateSettings(withField({ dayStartHour: 24 }))).toThrow(/dayStartHour/);
		expect(() => validateSettings(withField({ dayStartHour: 4.5 }))).toThrow(/dayStartHour/);
		const limits = { ...DEFAULT_SETTINGS.limits, vocab: { newPerDay: -1, reviewsPerDay: 200 } };
		expect(() => validateSettings(withField({ limits }))).toThrow(/limits\.vocab\.newPerDay/);
		expect(() =>
			validateSettings(withField({ limits: { facts: DEFAULT_SETTINGS.limits.facts } }))
		).toThrow(/limits\.vocab/);
	});

	it('accepts learning steps under a day only', () => {
		expect(validateSettings(withField({ learningSteps: ['30m', '2h'] })).learningSteps).toEqual([
			'30m',
			'2h'
		]);
		expect(() => validateSettings(withField({ learningSteps: ['1m', '1d'] }))).toThrow(
			/learningSteps\[1\]/
		);
		expect(() => validateSettings(withField({ relearningSteps: ['24h'] }))).toThrow(
			/relearningSteps\[0\]/
		);
		expect(() => validateSettings(withField({ learningSteps: ['10 minutes'] }))).toThrow(
			/learningSteps\[0\]/
		);
		expect(() => validateSettings(withField({ relearningSteps: '10m' }))).toThrow(
			/relearningSteps/
		);
	});
});
