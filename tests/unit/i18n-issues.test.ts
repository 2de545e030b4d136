import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
	describeZodIssue,
	settingsFieldLabel,
	settingsProblem,
	backupProblem
} from '$lib/i18n/issues';
import { errorDetail, errorTitle } from '$lib/i18n/errors';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { DEFAULT_SETTINGS, validateSettings } from '$lib/srs/settings';
import { parseBackup } from '$lib/storage/records';

type Locale = 'en' | 'it';
const inLocale = (locale: Locale) => overwriteGetLocale(() => locale);
afterEach(() => inLocale('en'));

/** The problem of settings with one field changed, as the settings form would show it. */
function problemWith(change: (s: typeof DEFAULT_SETTINGS) => void): string {
	const settings = structuredClone(DEFAULT_SETTINGS) as typeof DEFAULT_SETTINGS;
	change(settings);
	try {
		validateSettings(settings);
	} catch (error) {
		return settingsProblem(error);
	}
	throw new Error('the settings were accepted');
}

const nullNewFacts = (s: typeof DEFAULT_SETTINGS) =>
	((s.limits.facts as { newPerDay: unknown }).newPerDay = null);

describe('settings problems name the field as the form labels it', () => {
	it('says it in English', () => {
		expect(problemWith(nullNewFacts)).toBe(
			'New cards per day (facts) must be a whole number from 0 to 9,999.'
		);
	});

	it('says it in Italian, with no English and no path left', () => {
		inLocale('it');
		const problem = problemWith(nullNewFacts);
		expect(problem).toBe('Nuove schede al giorno (fatti): serve un numero intero da 0 a 9999.');
		expect(problem).not.toMatch(/limits|newPerDay|must|null/);
	});

	it('writes decimal bounds the local way', () => {
		inLocale('it');
		expect(problemWith((s) => (s.desiredRetention = 0.99))).toMatch(/da 0,7 a 0,97\.$/);
		inLocale('en');
		expect(problemWith((s) => (s.desiredRetention = 0.99))).toMatch(/from 0\.7 to 0\.97\.$/);
	});

	it('names every field of the settings by its label', () => {
		inLocale('it');
		expect(settingsFieldLabel('limits.vocab.reviewsPerDay')).toBe('Ripassi al giorno (lessico)');
		expect(settingsFieldLabel('dayStartHour')).not.toMatch(/day/i);
		expect(problemWith((s) => (s.learningSteps = ['1d']))).toMatch(/^Passi di apprendimento: /);
	});
});

describe('zod issues', () => {
	const schema = z.object({ nickname: z.string().max(12), age: z.number().min(3) });
	const label = (path: readonly PropertyKey[]) => (path[0] === 'nickname' ? 'Nome' : 'Età');
	const issues = schema.safeParse({ nickname: 'x'.repeat(20), age: 1 }).error!.issues;

	it('become sentences in the UI language with the caller’s label', () => {
		inLocale('it');
		expect(issues.map((issue) => describeZodIssue(issue, label))).toEqual([
			'Nome: al massimo 12 caratteri.',
			'Età: il valore minimo è 3.'
		]);
	});

	it('a missing value is said to be missing, not "expected number, received undefined"', () => {
		const [issue] = schema.safeParse({ nickname: 'a' }).error!.issues;
		expect(describeZodIssue(issue, () => 'Age')).toBe('Age is missing or cannot be read.');
	});
});

describe('backup problems', () => {
	const backup = (change: (b: Record<string, unknown>) => void) => {
		const b: Record<string, unknown> = {
			format: 'ripasso-progress',
			version: 2,
			exportedAt: new Date(0).toISOString(),
			settings: structuredClone(DEFAULT_SETTINGS),
			states: [],
			reviews: []
		};
		change(b);
		try {
			parseBackup(JSON.stringify(b));
		} catch (error) {
			return backupProblem(error);
		}
		throw new Error('the backup was accepted');
	};

	it('say which entry is damaged, counting from one', () => {
		inLocale('it');
		expect(backup((b) => (b.reviews = [{ nonsense: true }]))).toBe(
			'il backup è danneggiato (la voce n. 1 tra i ripassi non è leggibile).'
		);
	});

	it('name a settings field by its label', () => {
		expect(backup((b) => ((b.settings as typeof DEFAULT_SETTINGS).dayStartHour = 30))).toBe(
			'the backup is damaged (its settings cannot be used: The day starts at must be a whole number from 0 to 23).'
		);
	});
});

describe('error pages', () => {
	it('replace SvelteKit’s English "Not Found" with the UI language', () => {
		inLocale('it');
		expect(errorTitle(404)).toBe('Pagina non trovata');
		expect(errorDetail(404, 'Not Found')).not.toMatch(/Not Found/);
		expect(errorDetail(500, 'Internal Error')).toMatch(/Riprova/);
	});

	it('keep a load function’s own message', () => {
		expect(errorDetail(404, 'Non c’è nessun articolo chiamato «x».')).toBe(
			'Non c’è nessun articolo chiamato «x».'
		);
	});
});
