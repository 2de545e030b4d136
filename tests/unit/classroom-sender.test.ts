import { describe, expect, it } from 'vitest';
import { AnswerSender } from '../../src/routes/class/[code]/play/sender.svelte';

const reply = (status: number, body: unknown) =>
	(async () => new Response(JSON.stringify(body), { status })) as typeof fetch;

describe("a phone's answers", () => {
	it('sends the place of the option and keeps what was sent for that question', async () => {
		let sent: unknown;
		const sender = new AnswerSender('123456', (async (_url: string, init: RequestInit) => {
			sent = JSON.parse(init.body as string);
			return new Response('{"received":true}');
		}) as typeof fetch);
		await sender.send(2, { choice: 1 });
		expect(sent).toEqual({ questionIndex: 2, choice: 1 });
		expect(sender.sentFor(2)).toBe(true);
		expect(sender.choiceFor(2)).toBe(1);
		expect(sender.sentFor(3)).toBe(false);
		expect(sender.refusal).toBe('');
	});

	it('tells a refusal in its own words from the code, and forgets a refused answer', async () => {
		const late = new AnswerSender('123456', reply(409, { code: 'late', message: 'whatever' }));
		await late.send(0, { given: '10' });
		expect(late.refusal).toMatch(/time/i);
		expect(late.sentFor(0)).toBe(false);

		const twice = new AnswerSender('123456', reply(409, { code: 'already-answered', message: '' }));
		await twice.send(0, { choice: 0 });
		expect(twice.sentFor(0)).toBe(true);

		const storage = new AnswerSender('123456', reply(503, { code: 'storage', message: '' }));
		await storage.send(0, { choice: 0 });
		expect(storage.refusal).toMatch(/could not save/);
	});

	it('says the phone is offline when the request fails', async () => {
		const sender = new AnswerSender('123456', (async () => {
			throw new TypeError('network');
		}) as typeof fetch);
		await sender.send(0, { choice: 0 });
		expect(sender.refusal).not.toBe('');
		expect(sender.sending).toBe(false);
	});
});
