import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAssignment, answerAssignment } from '$lib/classroom/assignment';
import {
	answer,
	createGame,
	finish,
	join,
	reveal,
	start,
	type GameState
} from '$lib/classroom/game';
import { report, reportKey, type Report } from '$lib/classroom/report';
import { hostView } from '$lib/classroom/views';
import {
	ReportFeed,
	REFRESH_MS,
	type Stream
} from '../../src/routes/class/[code]/report/feed.svelte';
import { must, T0, testCard } from '../helpers/classroom';

const cards = [
	testCard('a', { prompt: 'Capitale?', answer: 'Torino', options: ['Torino', 'Roma'] }),
	testCard('b', { prompt: 'Re?', answer: 'Umberto', options: ['Umberto', 'Carlo'] })
];
const ids = cards.map((c) => c.id);

/** A teacher's open report on `state`: the requests it makes and the stream it follows. */
function open(state: GameState) {
	const requests: string[] = [];
	let current = state;
	const fetcher = (async (url: string) => {
		requests.push(url);
		return new Response(JSON.stringify(report(current, cards)));
	}) as typeof fetch;
	const feed = new ReportFeed(
		'123456',
		{ report: report(state, cards), key: reportKey(hostView(state, cards)) },
		fetcher
	);
	const stream: Stream & { closed: boolean } = {
		onmessage: null,
		closed: false,
		close() {
			this.closed = true;
		}
	};
	feed.connect(() => stream);
	/** The game moves on and the stream says so (the projector's view, as the server sends it). */
	const change = <S extends GameState>(next: S): S => {
		current = next;
		const data = JSON.stringify(hostView(next, cards));
		stream.onmessage?.(new MessageEvent('message', { data }));
		return next;
	};
	return { feed, requests, stream, change };
}

const names = (r: Report) => r.students.map((s) => `${s.nickname} ${s.points}`);

describe("the teacher's open report", () => {
	beforeEach(() => {
		vi.useFakeTimers();
		vi.setSystemTime(T0);
	});
	afterEach(() => vi.useRealTimers());

	it('fetches nothing while a live question takes answers, and the tables at the reveal', async () => {
		let state = must(
			createGame('123456', ids, { questions: 2, secondsPerQuestion: 20, speedBonus: false }, T0)
		);
		state = must(join(state, { playerId: 'p1', nickname: 'Anna' }, T0));
		state = must(join(state, { playerId: 'p2', nickname: 'Bruno' }, T0));
		const { feed, requests, change } = open(state);
		state = change(must(start(state, T0)));
		state = change(
			must(answer(state, { playerId: 'p1', questionIndex: 0, given: 'Torino' }, cards[0], T0))
		);
		state = change(
			must(answer(state, { playerId: 'p2', questionIndex: 0, given: 'Roma' }, cards[0], T0))
		);
		await vi.advanceTimersByTimeAsync(5 * REFRESH_MS);
		expect(requests).toEqual([]);

		change(must(reveal(state)));
		await vi.advanceTimersByTimeAsync(0);
		expect(requests).toEqual(['/class/123456/report.json']);
		expect(names(feed.report)).toEqual(['Anna 1000', 'Bruno 0']);
	});

	it("fetches at most once per interval while an assignment's answers pour in, ending on the latest", async () => {
		let state = must(
			createAssignment('123456', ids, { questions: 2, closesAt: T0 + 3_600_000 }, T0)
		);
		for (let p = 0; p < 20; p++)
			state = must(join(state, { playerId: `p${p}`, nickname: `S${p}` }, T0));
		const { feed, requests, change } = open(state);
		// Twenty students answer within half a second.
		for (let p = 0; p < 20; p++) {
			const input = { playerId: `p${p}`, questionIndex: 0, given: 'Torino' };
			state = change(must(answerAssignment(state, input, cards[0], Date.now())));
			await vi.advanceTimersByTimeAsync(25);
		}
		await vi.advanceTimersByTimeAsync(3 * REFRESH_MS);
		expect(requests.length).toBeGreaterThanOrEqual(1);
		expect(requests.length).toBeLessThanOrEqual(2);
		expect(feed.report.students.every((s) => s.points === 1000)).toBe(true);
	});

	it('keeps its tables when a fetch fails, and fetches again at the next message', async () => {
		let state = must(
			createAssignment('123456', ids, { questions: 2, closesAt: T0 + 3_600_000 }, T0)
		);
		state = must(join(state, { playerId: 'p1', nickname: 'Anna' }, T0));
		let fail = true;
		const feed = new ReportFeed('123456', { report: report(state, cards), key: null }, (async () =>
			fail
				? new Response('', { status: 503 })
				: new Response(JSON.stringify(report(state, cards)))) as typeof fetch);
		const stream: Stream = { onmessage: null, close() {} };
		feed.connect(() => stream);
		const say = () =>
			stream.onmessage?.(
				new MessageEvent('message', { data: JSON.stringify(hostView(state, cards)) })
			);
		state = must(
			answerAssignment(state, { playerId: 'p1', questionIndex: 0, given: 'Torino' }, cards[0], T0)
		);
		say();
		await vi.advanceTimersByTimeAsync(0);
		expect(names(feed.report)).toEqual(['Anna 0']);
		fail = false;
		say();
		await vi.advanceTimersByTimeAsync(REFRESH_MS);
		expect(names(feed.report)).toEqual(['Anna 1000']);
	});

	it('stops following the game once it is over', async () => {
		let state = must(
			createGame('123456', ids, { questions: 1, secondsPerQuestion: 20, speedBonus: false }, T0)
		);
		state = must(join(state, { playerId: 'p1', nickname: 'Anna' }, T0));
		const { stream, change, requests } = open(state);
		state = change(must(start(state, T0)));
		expect(stream.closed).toBe(false);
		state = must(
			answer(state, { playerId: 'p1', questionIndex: 0, given: 'Torino' }, cards[0], T0)
		);
		change(must(finish(state)));
		expect(stream.closed).toBe(true);
		// The last change is still fetched.
		await vi.advanceTimersByTimeAsync(0);
		expect(requests).toHaveLength(1);
	});
});
