import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { shownText } from '../helpers/html';

interface ExportedCard {
	id: string;
	type: string;
	prompt: string;
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
/** How the page titles each kind of question. */
const LABELS: Record<string, string> = {
	'multiple-choice': 'Choose the answer',
	cloze: 'Fill in the gap',
	'true-false': 'True or false?',
	numeric: 'Answer with a number',
	open: 'Type the answer'
};
const bare = (text: string) => text.replace(/\s+/g, '');

/**
 * The card a quiz page asks, known as a learner knows it: by the kind of question and the
 * prompt it shows (the page names its question by an id that says nothing of the card).
 */
function cardShown(html: string): ExportedCard | undefined {
	const shown = bare(shownText(html));
	return deck
		.filter((card) => card.id.startsWith('mosca-pyongyang:'))
		.filter((card) => shown.includes(bare(`${LABELS[card.type]} ${card.prompt}`)))
		.sort((a, b) => b.prompt.length - a.prompt.length)[0];
}

async function currentCard(page: Page) {
	const card = cardShown(await page.content());
	if (!card) throw new Error('The page shows no card of the deck');
	return card;
}

/** The page's id of its question, which the answer form sends back. */
const questionId = (page: Page) => page.locator('input[name="question"]').inputValue();

/** The first answer control (button or field) of the question: locked once answered. */
function answerControl(page: Page) {
	return page.locator('fieldset :is(button, input)').first();
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
	// Facts and ten questions are what the setup screen offers first.
	await expect(page.getByLabel('Facts of the article')).toBeChecked();
	await expect(page.getByLabel('10', { exact: true })).toBeChecked();
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page).toHaveURL(/\/quiz\/mosca-pyongyang\?s=[\w-]{87}$/);

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
		await expect(answerControl(page)).toBeDisabled();
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
		// Nothing on the page names the card: some card ids spell the answer
		// (`…:lavrov-ministro-esteri:cloze`), so the question goes by an id of the quiz's own.
		const html = await page.content();
		expect(html).not.toContain(card.id);
		expect(await questionId(page)).toMatch(/^[\w-]{16}$/);
		if (card.type === 'cloze' || card.type === 'open' || card.type === 'numeric') {
			// Neither the server-rendered page nor the data it hydrates from names an answer.
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
	// question from the server-rendered page (quicker than opening each quiz).
	let found: { seed: number; card: ExportedCard; accented: string } | undefined;
	for (let seed = 1; seed < 300 && !found; seed++) {
		const html = await (await page.request.get(`/quiz/mosca-pyongyang?seed=${seed}`)).text();
		const card = cardShown(html);
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

test('a tapped option stays visible after answering, and is never called written', async ({
	page
}) => {
	// A quiz that starts with a multiple-choice card, read from the server-rendered page.
	let found: { seed: number; card: ExportedCard } | undefined;
	for (let seed = 1; seed < 300 && !found; seed++) {
		const html = await (await page.request.get(`/quiz/mosca-pyongyang?seed=${seed}`)).text();
		const card = cardShown(html);
		if (card?.type === 'multiple-choice') found = { seed, card };
	}
	if (!found) throw new Error('no quiz starts with a multiple-choice card');

	await page.goto(`/quiz/mosca-pyongyang?seed=${found.seed}`);
	const wrong = otherOption(found.card);
	await answer(page, wrong);
	await expect(page.locator('#verdict')).toHaveText('Not quite');
	const chosen = page.locator('fieldset .options button.chosen');
	await expect(chosen).toContainText(wrong);
	await expect(chosen).toContainText('your choice');
	await expect(page.locator('fieldset .options button.right')).toContainText(found.card.answer);
	await expect(page.getByText('You wrote:')).toHaveCount(0);
	// A reload (or an answer sent without JavaScript) shows the same.
	await page.reload();
	await expect(page.locator('fieldset .options button.chosen')).toContainText(wrong);
	await expect(page.getByText('You wrote:')).toHaveCount(0);
});

interface ActionReply {
	type: 'success' | 'failure' | 'error' | 'redirect';
	/** The status the action chose (the HTTP status of a JSON reply is always 200). */
	status: number;
	/** The action's data, serialized (strings appear in it in double quotes). */
	data: string;
}

/**
 * Posts an answer as a script would, with the page's cookies, to `url` (a question's URL), and
 * returns SvelteKit's JSON reply.
 */
async function post(page: Page, url: string, form: Record<string, string>): Promise<ActionReply> {
	const response = await page.request.post(url, {
		form,
		headers: { origin: new URL(page.url()).origin, accept: 'application/json' }
	});
	expect(response.ok()).toBe(true);
	return { data: '', ...(await response.json()) };
}

/** A facts card of the article with a typed answer that is not `except`. */
function otherTypedCard(except: string): ExportedCard {
	return deck.find(
		(card) =>
			card.id.startsWith('mosca-pyongyang:') &&
			card.id !== except &&
			card.type === 'open' &&
			card.answer.length > 4
	)!;
}

test('the quiz survives a reload and rejects malformed answers', async ({ page }) => {
	await page.goto('/quiz/mosca-pyongyang?seed=11');
	const card = await currentCard(page);
	await answer(page, card.answer);
	await page.locator('button.next').click();
	await expect(page.getByText('Question 2 of 10')).toBeVisible();
	await page.reload();
	await expect(page.getByText('Question 2 of 10')).toBeVisible();
	await expect(page.getByText('Score: 1')).toBeVisible();
	await expect(answerControl(page)).toBeEnabled();

	const id = await questionId(page);
	const tooLong = await post(page, page.url(), { question: id, given: 'x'.repeat(600) });
	expect(tooLong).toMatchObject({ type: 'failure', status: 400 });
	expect(tooLong.data).toContain('too long');
	const missing = await post(page, page.url(), { question: id });
	expect(missing).toMatchObject({ type: 'failure', status: 400 });
	expect(missing.data).toContain('could not be read');
	// Neither used the question up.
	await page.reload();
	await expect(answerControl(page)).toBeEnabled();
});

test('only the question shown can be answered, and the score cannot be forged', async ({
	page
}) => {
	await page.goto('/quiz/mosca-pyongyang?track=facts');
	const card = await currentCard(page);
	const question = page.url();

	// Asking for another card's answer gets nothing, and uses nothing up.
	const other = otherTypedCard(card.id);
	const probe = await post(page, question, { question: other.id, given: 'x' });
	expect(probe).toMatchObject({ type: 'failure', status: 409 });
	expect(probe.data).toContain('not in this quiz');
	expect(probe.data).not.toContain(other.answer);
	await page.reload();
	await expect(answerControl(page)).toBeEnabled();

	// A score sent along with a right answer, in the form and in the URL, is ignored.
	const right = await post(page, `${question}&score=10`, {
		question: await questionId(page),
		given: card.answer,
		score: '10'
	});
	expect(right.type).toBe('success');
	await page.goto(`${question}&score=9`);
	await expect(page.locator('#verdict')).toHaveText('Right!');
	await expect(page.getByText('Score: 1', { exact: true })).toBeVisible();
	await page.locator('button.next').click();
	await expect(page.getByText('Question 2 of 10')).toBeVisible();
	await expect(page.getByText('Score: 1', { exact: true })).toBeVisible();
});

test('old links keep their questions, but ?q= and ?score= are ignored', async ({ page }) => {
	await page.goto('/quiz/mosca-pyongyang?seed=11');
	const first = await currentCard(page);
	await page.goto('/quiz/mosca-pyongyang?seed=11&q=3&score=9');
	await expect(page).toHaveURL(/\?s=[\w-]{87}$/);
	await expect(page.getByText('Question 1 of 10')).toBeVisible();
	await expect(page.getByText('Score: 0', { exact: true })).toBeVisible();
	expect((await currentCard(page)).id).toBe(first.id);
});

test('a question is answered once: reload and back show the first result', async ({ page }) => {
	await page.goto('/quiz/mosca-pyongyang?seed=11');
	const card = await currentCard(page);
	const question = page.url();
	await answer(page, wrongAnswer(card));
	await expect(page.locator('#verdict')).toHaveText('Not quite');

	await page.reload();
	await expect(page.locator('#verdict')).toHaveText('Not quite');
	await expect(answerControl(page)).toBeDisabled();
	await expect(page.getByText('Score: 0', { exact: true })).toBeVisible();

	// Sending the right answer now (a script, or the form re-sent) changes nothing.
	const again = await post(page, question, {
		question: await questionId(page),
		given: card.answer
	});
	expect(again.type).toBe('success');
	expect(again.data).toContain('"wrong"');
	expect(again.data).not.toContain('"correct"');
	await page.reload();
	await expect(page.locator('#verdict')).toHaveText('Not quite');
	await expect(page.getByText('Score: 0', { exact: true })).toBeVisible();

	await page.locator('button.next').click();
	await expect(page.getByText('Question 2 of 10')).toBeVisible();
	await page.goBack();
	await expect(page.getByText('Question 1 of 10')).toBeVisible();
	await expect(page.locator('#verdict')).toHaveText('Not quite');
	await expect(answerControl(page)).toBeDisabled();
});

test('the quiz works without JavaScript, one answer per question', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/quiz/mosca-pyongyang?seed=11');
	const card = await currentCard(page);
	await answer(page, card.answer);
	await expect(page.locator('#verdict')).toHaveText('Right!');
	await expect(answerControl(page)).toBeDisabled();
	await page.locator('button.next').click();
	await expect(page.getByText('Question 2 of 10')).toBeVisible();
	await expect(page.getByText('Score: 1', { exact: true })).toBeVisible();
	await page.goBack();
	await expect(page.locator('#verdict')).toHaveText('Right!');
	await expect(answerControl(page)).toBeDisabled();
	await context.close();
});

test("another visitor cannot use someone's quiz link", async ({ page, browser }) => {
	await page.goto('/quiz/mosca-pyongyang?track=facts');
	const card = await currentCard(page);
	const link = page.url();

	const context = await browser.newContext(); // another browser: its own cookie
	const other = await context.newPage();
	const response = await other.goto(link);
	expect(response?.status()).toBe(403);
	await expect(other.getByText('started in another browser')).toBeVisible();
	const refused = await post(other, link, { question: await questionId(page), given: card.answer });
	expect(refused).toMatchObject({ type: 'failure', status: 403 });
	expect(refused.data).toContain('started in another browser');
	expect(refused.data).not.toContain('"result"');
	// They can start their own quiz instead.
	await other.getByRole('link', { name: 'Start a new quiz' }).click();
	await other.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(other.getByText('Question 1 of 10')).toBeVisible();
	await context.close();

	// The owner's question is still open.
	await page.reload();
	await expect(answerControl(page)).toBeEnabled();
});

test('a changed or broken quiz link is refused with a way to start again', async ({ page }) => {
	await page.goto('/quiz/mosca-pyongyang?track=facts');
	const url = new URL(page.url());
	const token = url.searchParams.get('s')!;
	// The score byte sits near the middle: change a character there.
	const changed = token.slice(0, 40) + (token[40] === 'A' ? 'B' : 'A') + token.slice(41);

	const tampered = await page.goto(`/quiz/mosca-pyongyang?s=${changed}`);
	expect(tampered?.status()).toBe(403);
	await expect(page.getByText('has been changed')).toBeVisible();

	const broken = await page.goto('/quiz/mosca-pyongyang?s=not-a-token');
	expect(broken?.status()).toBe(400);
	await expect(page.getByText('incomplete or damaged')).toBeVisible();
	await page.getByRole('link', { name: 'Start a new quiz' }).click();
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page.getByText('Question 1 of 10')).toBeVisible();
});

test('an unknown article has no quiz', async ({ page }) => {
	const response = await page.goto('/quiz/nothing-here?seed=1');
	expect(response?.status()).toBe(404);
});

// The vocabulary track, from the same deck command: what a learner who studied the words knows.
type VocabCard = ExportedCard & { options: string[]; source: { sentence: string; text: string } };
let vocabDeck: VocabCard[] | undefined;
function vocabCards(): VocabCard[] {
	vocabDeck ??= (
		JSON.parse(
			execFileSync(
				join(root, 'node_modules', '.bin', 'tsx'),
				['scripts/deck.ts', '--track', 'vocab'],
				{ cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }
			)
		).cards as VocabCard[]
	).filter((card) => card.id.startsWith('mosca-pyongyang:'));
	return vocabDeck;
}
const VOCAB_LABELS: Record<string, string> = {
	recognition: 'What does it mean here?',
	production: 'Say it in Italian',
	cloze: 'Fill in the gap',
	listening: 'Type what you hear'
};

/** The vocabulary card a quiz page asks: its kind, its prompt and (for a choice) its options. */
async function vocabShown(page: Page): Promise<VocabCard> {
	const shown = bare(shownText(await page.content()));
	const card = vocabCards()
		.filter((c) => shown.includes(bare(`${VOCAB_LABELS[c.type]} ${c.prompt}`)))
		.filter((c) => c.options.every((option) => shown.includes(bare(option))))
		.sort((a, b) => b.prompt.length - a.prompt.length)[0];
	if (!card) throw new Error('The page shows no vocabulary card of the deck');
	return card;
}

const vocabWrong = (card: VocabCard) =>
	card.type === 'recognition' ? card.options.find((o) => o !== card.answer)! : 'zzz qwerty';

/** Moves on from an answered question (to the next one, or to the score). */
const next = (page: Page) => page.locator('button.next').click();

test('a vocabulary quiz asks words without listening, reviews the missed ones and retries them', async ({
	page
}) => {
	await page.goto('/quiz/mosca-pyongyang');
	await expect(page.getByRole('heading', { name: 'Practice quiz' })).toBeVisible();
	await page.getByRole('radio', { name: /Vocabulary/ }).check();
	await page.getByLabel('5', { exact: true }).check();
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(page.getByRole('heading', { name: 'Quiz on the vocabulary' })).toBeVisible();

	const types = new Set<string>();
	const missed: { card: VocabCard; given: string }[] = [];
	for (let n = 1; n <= 5; n++) {
		await expect(page.getByText(`Question ${n} of 5`)).toBeVisible();
		const card = await vocabShown(page);
		types.add(card.type);
		const wrong = n === 2 || n === 4;
		const given = wrong ? vocabWrong(card) : card.answer;
		await answer(page, given);
		await expect(page.locator('#verdict')).toHaveText(wrong ? 'Not quite' : /^Right/);
		if (wrong) missed.push({ card, given });
		await next(page);
	}
	expect([...types].sort()).toEqual(['cloze', 'production', 'recognition']);

	await expect(page.getByText('You got 3 out of 5 right.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'What you missed' })).toBeVisible();
	const items = page.locator('ol.missed > li');
	await expect(items).toHaveCount(2);
	for (const [i, { card, given }] of missed.entries()) {
		const item = items.nth(i);
		await expect(item).toContainText(`Your answer: ${given}`);
		await expect(item).toContainText(`Right answer: ${card.answer}`);
		await expect(item).toContainText(card.source.text);
		await expect(item.getByRole('link', { name: 'Show in the article' })).toHaveAttribute(
			'href',
			`/read/mosca-pyongyang#${card.source.sentence}`
		);
	}

	// A round of only the two missed, in the order they came, graded on the server again.
	await page.getByRole('button', { name: 'Retry the 2 missed questions' }).click();
	for (const [i, { card }] of missed.entries()) {
		await expect(page.getByText(`Question ${i + 1} of 2`)).toBeVisible();
		expect((await vocabShown(page)).id).toBe(card.id);
		await answer(page, card.answer);
		await expect(page.locator('#verdict')).toHaveText(/^Right/);
		await next(page);
	}
	await expect(page.getByText('You got 2 out of 2 right.')).toBeVisible();
	await expect(page.getByText('Nothing missed: every answer was right.')).toBeVisible();
	await expect(page.getByRole('button', { name: /^Retry/ })).toHaveCount(0);
});

for (const [track, viewport] of [
	['facts', { width: 1280, height: 800 }],
	['vocab', { width: 390, height: 844 }]
] as const) {
	test.describe(`a ${track} quiz at ${viewport.width}×${viewport.height}`, () => {
		test.use({ viewport });

		test('reload, a second answer sent and the back button after the results change nothing', async ({
			page
		}) => {
			const shownCard = (): Promise<ExportedCard> =>
				track === 'facts' ? currentCard(page) : vocabShown(page);
			const wrongFor = (card: ExportedCard) =>
				track === 'facts' ? wrongAnswer(card) : vocabWrong(card as VocabCard);
			await page.goto(`/quiz/mosca-pyongyang?track=${track}&size=5`);
			const first = await shownCard();
			const question = page.url();
			const id = await questionId(page);
			await answer(page, wrongFor(first));
			await expect(page.locator('#verdict')).toHaveText('Not quite');

			// Reloaded, the question shows its first result, locked; the right answer sent now
			// (the form re-sent, or a script) is not graded.
			await page.reload();
			await expect(page.locator('#verdict')).toHaveText('Not quite');
			await expect(answerControl(page)).toBeDisabled();
			const again = await post(page, question, { question: id, given: first.answer });
			expect(again.type).toBe('success');
			expect(again.data).toContain('"wrong"');
			expect(again.data).not.toContain('"correct"');
			await page.reload();
			await expect(page.getByText('Score: 0', { exact: true })).toBeVisible();

			await next(page);
			let last = first;
			let lastUrl = question;
			for (let n = 2; n <= 5; n++) {
				await expect(page.getByText(`Question ${n} of 5`)).toBeVisible();
				last = await shownCard();
				lastUrl = page.url();
				await answer(page, last.answer);
				await expect(page.locator('#verdict')).toHaveText(/^Right/);
				await next(page);
			}
			await expect(page.getByText('You got 4 out of 5 right.')).toBeVisible();
			await expect(page.locator('ol.missed > li')).toHaveCount(1);

			// Back from the results: the last question, answered and locked, not a question again.
			await page.goBack();
			await expect(page.getByText('Question 5 of 5')).toBeVisible();
			await expect(page.locator('#verdict')).toHaveText(/^Right/);
			await expect(answerControl(page)).toBeDisabled();
			const changed = await post(page, lastUrl, {
				question: await questionId(page),
				given: wrongFor(last)
			});
			expect(changed.data).not.toContain('"wrong"');
			await page.goForward();
			await expect(page.getByText('You got 4 out of 5 right.')).toBeVisible();
			await page.reload();
			await expect(page.getByText('You got 4 out of 5 right.')).toBeVisible();
			// The results page takes no answer at all.
			const finished = await post(page, page.url(), { question: id, given: first.answer });
			expect(finished).toMatchObject({ type: 'failure', status: 409 });
		});
	});
}

test('a vocabulary quiz runs on an added text, never asking a word by ear', async ({ page }) => {
	await page.goto('/texts/new');
	await page
		.getByLabel('Text', { exact: true })
		.fill(
			[
				'Riapre la biblioteca civica di Chiavari',
				'Dopo due anni di lavori, la biblioteca civica di Chiavari riapre sabato nella sede storica di Palazzo Rocca. Il restauro è costato due milioni di euro, finanziati dalla Regione e dal Comune.',
				'La nuova biblioteca occupa tre piani e ospita circa ottantamila volumi, tra cui una raccolta di manoscritti antichi. Al piano terra è nata una sala per i ragazzi con quaranta posti a sedere.'
			].join('\n\n')
		);
	await page.getByRole('button', { name: 'Add' }).click();
	await expect(page).toHaveURL(/\/read\/t-[a-z2-7]{26}$/u);
	const slug = new URL(page.url()).pathname.split('/').pop()!;

	await page.goto(`/quiz/${slug}`);
	await page.getByRole('radio', { name: /Vocabulary/ }).check();
	await page.getByLabel('5', { exact: true }).check();
	await page.getByRole('button', { name: 'Start the quiz' }).click();
	const progress = page.getByText(/^Question \d+ of \d+$/u);
	await expect(progress).toHaveText(/^Question 1 of [1-5]$/u);
	const total = Number((await progress.textContent())!.split(' of ')[1]);
	for (let n = 1; n <= total; n++) {
		await expect(progress).toHaveText(`Question ${n} of ${total}`);
		await expect(page.locator('legend')).not.toHaveText('Type what you hear');
		// Whatever is asked has something to read: a prompt, and options with text.
		await expect(page.locator('.prompt')).not.toHaveText(/^\s*(\(.*\))?\s*$/u);
		const field = page.getByLabel('Your answer');
		if ((await field.count()) > 0) {
			await field.fill('zzz');
			await page.getByRole('button', { name: 'Check' }).click();
		} else {
			await page.locator('fieldset .options button').first().click();
		}
		await expect(page.locator('#verdict')).toBeVisible();
		await next(page);
	}
	await expect(page.getByRole('heading', { name: 'Quiz finished' })).toBeVisible();
});
