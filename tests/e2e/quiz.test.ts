import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

interface ExportedCard {
	id: string;
	type: string;
	answer: string;
	accept: string[];
	source: { sentence: string };
}

// The deck command builds the same deck as the server: the test learns the answers from it,
// as a learner who studied would, and never from the page.
const root = join(import.meta.dirname, '..', '..');
const deck: ExportedCard[] = JSON.parse(
	execFileSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/deck.ts', '--track', 'facts'], {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	})
).cards;
const answerOf = (id: string) => deck.find((card) => card.id === id)!;

async function currentCard(page: Page) {
	return answerOf(await page.locator('input[name="card"]').inputValue());
}

async function answer(page: Page, text: string) {
	await page.locator('fieldset:not([disabled])').waitFor();
	const input = page.getByLabel('Your answer');
	if ((await input.count()) > 0) {
		await input.fill(text);
		await page.getByRole('button', { name: 'Check' }).click();
	} else {
		const label = text === 'vero' ? 'True' : text === 'falso' ? 'False' : text;
		await page.getByRole('button', { name: label, exact: true }).click();
	}
}

test('a learner takes a ten-question quiz to the end and gets a score', async ({ page }) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Quiz on the facts' }).click();
	await expect(page).toHaveURL(/\/quiz\/mosca-pyongyang\?seed=\d+$/);

	const types = new Set<string>();
	let right = 0;
	for (let n = 1; n <= 10; n++) {
		await expect(page.getByText(`Question ${n} of 10`)).toBeVisible();
		const card = await currentCard(page);
		types.add(card.type);
		// Every third answer is wrong on purpose; the others are right.
		const wrong = n % 3 === 0;
		await answer(page, wrong ? wrongAnswer(card) : card.answer);
		const verdict = page.locator('#verdict');
		await expect(verdict).toHaveText(wrong ? 'Not quite' : 'Right!');
		if (!wrong) right++;
		// The source sentence is shown, with a link into the reader.
		const link = page.getByRole('link', { name: 'Show in the article' });
		await expect(link).toHaveAttribute('href', new RegExp(`#${card.source.sentence}$`));
		// One answer per question: the form is locked.
		await expect(page.locator('fieldset :is(button, input)').first()).toBeDisabled();
		await page
			.getByRole('button', { name: n < 10 ? 'Next question →' : 'See your score →' })
			.click();
	}
	expect(types.size).toBeGreaterThanOrEqual(4);
	await expect(page.getByRole('heading', { name: 'Quiz finished' })).toBeVisible();
	await expect(page.getByText(`You got ${right} out of 10 right.`)).toBeVisible();
});

function wrongAnswer(card: ExportedCard): string {
	if (card.answer === 'vero') return 'falso';
	if (card.answer === 'falso') return 'vero';
	const choice = deck.find((c) => c.id === card.id);
	return card.type === 'multiple-choice' ? otherOption(choice!) : 'zzz qwerty';
}

let options: Map<string, string[]> | undefined;
function otherOption(card: ExportedCard): string {
	options ??= new Map(
		JSON.parse(
			execFileSync(
				join(root, 'node_modules', '.bin', 'tsx'),
				['scripts/deck.ts', '--track', 'facts'],
				{
					cwd: root,
					encoding: 'utf8',
					maxBuffer: 64 * 1024 * 1024
				}
			)
		).cards.map((c: { id: string; options: string[] }) => [c.id, c.options])
	);
	return options.get(card.id)!.find((option) => option !== card.answer)!;
}

test('the answer key never reaches the page before the answer is given', async ({ page }) => {
	await page.goto('/quiz/mosca-pyongyang?seed=5');
	for (let n = 0; n < 10; n++) {
		await expect(page.getByText(`Question ${n + 1} of 10`)).toBeVisible();
		const card = await currentCard(page);
		if (card.type === 'cloze' || card.type === 'open' || card.type === 'numeric') {
			// Neither the server-rendered page nor the data it hydrates from names an answer.
			const html = await page.content();
			expect(html).not.toMatch(/["{,]answer"?:/);
			expect(html).not.toMatch(/["{,]accept"?:/);
		}
		await answer(page, card.answer);
		await page.locator('button.next').click();
	}
});

test('a typed answer with a missing accent is accepted and the accent called out', async ({
	page
}) => {
	// Find a quiz that starts with a typed answer holding an accented word, reading the first
	// question's id from the server-rendered page (quicker than opening each quiz).
	let found: { seed: number; card: ExportedCard; accented: string } | undefined;
	for (let seed = 1; seed < 300 && !found; seed++) {
		const html = await (await page.request.get(`/quiz/mosca-pyongyang?seed=${seed}`)).text();
		const id = /name="card" value="([^"]+)"/.exec(html)?.[1];
		const card = id ? answerOf(id) : undefined;
		// Figures have their own leniency (qualifiers are optional): look for words.
		if (!card || (card.type !== 'open' && card.type !== 'cloze') || /\d/.test(card.answer))
			continue;
		const accented = card.answer.match(/\p{L}*[àèéìòù]\p{L}*/u)?.[0];
		if (accented) found = { seed, card, accented };
	}
	if (!found) throw new Error('no quiz starts with a typed answer that has an accent');

	await page.goto(`/quiz/mosca-pyongyang?seed=${found.seed}`);
	await answer(page, found.card.answer.normalize('NFD').replace(/\p{M}/gu, ''));
	await expect(page.locator('#verdict')).toHaveText('Right, with a slip');
	await expect(page.getByText(new RegExp(`Accent: ${found.accented}`))).toBeVisible();
});

test('the quiz survives a reload and rejects tampered answers', async ({ page, request }) => {
	await page.goto('/quiz/mosca-pyongyang?seed=11&q=3&score=2');
	await expect(page.getByText('Question 4 of 10')).toBeVisible();
	await page.reload();
	await expect(page.getByText('Question 4 of 10')).toBeVisible();
	await expect(page.getByText('Score: 2')).toBeVisible();

	const tooLong = await request.post('/quiz/mosca-pyongyang?seed=11', {
		form: { card: 'mosca-pyongyang:lavrov-visita-pyongyang:open', given: 'x'.repeat(600) },
		headers: { origin: new URL(page.url()).origin, accept: 'application/json' }
	});
	expect(await tooLong.text()).toContain('too long');
	const unknown = await request.post('/quiz/mosca-pyongyang?seed=11', {
		form: { card: 'no-such-card', given: 'x' },
		headers: { origin: new URL(page.url()).origin, accept: 'application/json' }
	});
	expect(await unknown.text()).toContain('not in this quiz');
});

test('an unknown article has no quiz', async ({ page }) => {
	const response = await page.goto('/quiz/nothing-here?seed=1');
	expect(response?.status()).toBe(404);
});
