import { expect, request as requestFactory, test, type APIRequestContext } from '@playwright/test';
import { firstEvent } from '../helpers/sse';

/**
 * The classroom HTTP/SSE API driven by one host and many simulated students on loopback
 * (a bounded loop), checking what the server refuses and what students receive.
 */
const STUDENTS = 30;

test('a host and 30 students play a question over the API', async ({ baseURL }) => {
	const base = baseURL!;
	const origin = { origin: base };
	const host = await requestFactory.newContext({ baseURL: base, extraHTTPHeaders: origin });
	const created = await host.post('/api/class', {
		// Choices only, so every question has options to pick from.
		data: {
			article: 'mosca-pyongyang',
			questions: 3,
			secondsPerQuestion: 30,
			speedBonus: true,
			kinds: ['multiple-choice', 'true-false']
		}
	});
	expect(created.status()).toBe(201);
	const { code } = await created.json();
	expect(code).toMatch(/^[1-9]\d{5}$/);

	const students: APIRequestContext[] = [];
	for (let i = 0; i < STUDENTS; i++) {
		const student = await requestFactory.newContext({ baseURL: base, extraHTTPHeaders: origin });
		const joined = await student.post(`/api/class/${code}/join`, {
			data: { nickname: `Studente ${i}` }
		});
		expect(joined.status()).toBe(200);
		students.push(student);
	}

	// Refusals: a taken nickname, an unknown code, a host action from a student, bad bodies.
	const late = await requestFactory.newContext({ baseURL: base, extraHTTPHeaders: origin });
	expect(
		(await late.post(`/api/class/${code}/join`, { data: { nickname: 'studente 0' } })).status()
	).toBe(400);
	expect((await late.post('/api/class/999999/join', { data: { nickname: 'Anna' } })).status()).toBe(
		404
	);
	expect(
		(await students[0].post(`/api/class/${code}/host`, { data: { action: 'start' } })).status()
	).toBe(403);
	expect(
		(
			await late.post(`/api/class/${code}/join`, {
				data: Buffer.from('x'.repeat(10_000)),
				headers: { 'content-type': 'application/json' }
			})
		).status()
	).toBe(413);
	expect(
		(
			await late.post(`/api/class/${code}/join`, {
				data: Buffer.from('{not json'),
				headers: { 'content-type': 'application/json' }
			})
		).status()
	).toBe(400);

	expect((await host.post(`/api/class/${code}/host`, { data: { action: 'start' } })).status()).toBe(
		200
	);

	// During the question a student sees the prompt and options, never the answer.
	const during = await firstEvent(base, code, students[0]);
	expect(during.view.question.options.length).toBeGreaterThan(1);
	expect(during.raw).not.toMatch(/"answer"|"sentence"|"accept"/);

	const choice = during.view.question.options[0];
	// All but the last student answer (all of them would make the server reveal by itself).
	const acks = await Promise.all(
		students
			.slice(0, -1)
			.map((student) =>
				student.post(`/api/class/${code}/answer`, { data: { questionIndex: 0, given: choice } })
			)
	);
	expect(acks.map((ack) => ack.status())).toEqual(Array(STUDENTS - 1).fill(200));
	expect((await firstEvent(base, code, host)).view).toMatchObject({
		phase: 'question',
		answeredCount: STUDENTS - 1
	});
	// A second answer and an answer to another question are refused.
	expect(
		(
			await students[1].post(`/api/class/${code}/answer`, {
				data: { questionIndex: 0, given: choice }
			})
		).status()
	).toBe(409);
	expect(
		(
			await students[2].post(`/api/class/${code}/answer`, {
				data: { questionIndex: 1, given: choice }
			})
		).status()
	).toBe(409);
	// Bad answers get a 4xx with a message, on the direct path `npm start` serves answers on as
	// through SvelteKit (a body that is not JSON-typed takes that way). Buffers are sent as they
	// are (Playwright would encode a string as JSON).
	const answerUrl = `/api/class/${code}/answer`;
	const last = students.at(-1)!;
	// Every refusal carries a stable code (what the phone reacts to) and a message.
	const refused = async (response: Promise<import('@playwright/test').APIResponse>) => {
		const r = await response;
		const body = await r.json();
		expect(body.message).toEqual(expect.any(String));
		return [r.status(), body.code];
	};
	expect(
		await refused(late.post(answerUrl, { data: { questionIndex: 0, given: choice } }))
	).toEqual([401, 'not-joined']);
	for (const contentType of ['application/json', 'text/plain']) {
		const headers = { 'content-type': contentType };
		expect(
			await refused(last.post(answerUrl, { data: Buffer.from('{"questionIndex":'), headers }))
		).toEqual([400, 'bad-request']);
		expect(
			await refused(last.post(answerUrl, { data: Buffer.from(`"${'x'.repeat(5000)}"`), headers }))
		).toEqual([413, 'too-large']);
		expect(
			await refused(
				last.post(answerUrl, { data: Buffer.from('{"questionIndex":"0","given":1}'), headers })
			)
		).toEqual([400, 'bad-request']);
		for (const body of ['null', '[]', '"text"', '{"questionIndex":0,"choice":-1}']) {
			expect(
				await refused(last.post(answerUrl, { data: Buffer.from(body), headers })),
				body
			).toEqual([400, 'bad-request']);
		}
	}
	expect(
		await refused(last.post('/api/class/999999/answer', { data: { questionIndex: 0, given: 'x' } }))
	).toEqual([401, 'not-joined']);

	// The host does not wait for the last one.
	expect(
		(await host.post(`/api/class/${code}/host`, { data: { action: 'reveal' } })).status()
	).toBe(200);
	expect(
		(
			await students.at(-1)!.post(`/api/class/${code}/answer`, {
				data: { questionIndex: 0, given: choice }
			})
		).status()
	).toBe(409);
	const after = await firstEvent(base, code, students[0]);
	expect(after.raw).toMatch(/"answer"/);
	const hostView = (await firstEvent(base, code, host)).view;
	expect(hostView.phase).toBe('reveal');
	expect(hostView.playerCount).toBe(STUDENTS);
});
