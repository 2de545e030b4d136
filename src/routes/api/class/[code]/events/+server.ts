import { stepOf, type GameState } from '$lib/classroom/game';
import { hostView, playerView } from '$lib/classroom/views';
import { findGame, gameCards, getEngine, isHostOf, playerIdOf } from '$lib/server/classroom';
import { apiRoute, refusal, refusalResponse } from '$lib/server/classroom/http';
import type { RequestHandler } from './$types';

/**
 * Server-Sent Events: the game as this client may see it (host or player view), sent at once
 * and after every change. EventSource reconnects by itself; the first event brings it up to date.
 */
/** How often, at most, the host's screen is updated within one question (answers coming in). */
const HOST_INTERVAL_MS = 250;

export const GET: RequestHandler = apiRoute(
	async ({ params, cookies, request, getClientAddress }) => {
		const engine = getEngine();
		const found = await findGame(params.code, getClientAddress());
		if (!found.ok) return refusalResponse(found.refusal);
		const state = found.state;
		const isHost = await isHostOf(cookies, params.code);
		const playerId = playerIdOf(cookies, params.code);
		if (!isHost && !playerId) {
			return refusalResponse(refusal(401, 'not-joined', 'Join the game first.'));
		}
		const cards = gameCards(state.cardIds);
		const view = (s: GameState) => (isHost ? hostView(s, cards) : playerView(s, playerId!, cards));

		const encoder = new TextEncoder();
		let unsubscribe = () => {};
		let timer: ReturnType<typeof setInterval> | undefined;
		let trailing: ReturnType<typeof setTimeout> | undefined;
		const stop = () => {
			unsubscribe();
			clearInterval(timer);
			clearTimeout(trailing);
		};
		const stream = new ReadableStream<Uint8Array>({
			start(controller) {
				// A phone that went away must not break the answer or reveal being announced.
				const enqueue = (text: string) => {
					try {
						controller.enqueue(encoder.encode(text));
					} catch {
						stop();
					}
				};
				let lastStep = '';
				let lastSentAt = 0;
				let pending: GameState | null = null;
				// The server's clock goes with every view: countdowns on phones follow it, not their own.
				const write = (s: GameState) => {
					clearTimeout(trailing);
					trailing = undefined;
					pending = null;
					lastStep = stepOf(s);
					lastSentAt = Date.now();
					enqueue(`data: ${JSON.stringify({ ...view(s), serverNow: lastSentAt })}\n\n`);
				};
				// The projector hears of every join and answer, but a class answering at once would
				// send it a thousand lists a second: within one step of the game, at most one view per
				// HOST_INTERVAL_MS, always ending on the latest. A new step is sent at once.
				const send = (s: GameState) => {
					const since = Date.now() - lastSentAt;
					if (!isHost || stepOf(s) !== lastStep || since >= HOST_INTERVAL_MS) {
						write(s);
						return;
					}
					pending = s;
					trailing ??= setTimeout(() => pending && write(pending), HOST_INTERVAL_MS - since);
				};
				// The latest: a change may have come while the request was being checked.
				send(engine.cached(params.code) ?? state);
				unsubscribe = engine.subscribe(params.code, send, isHost ? undefined : playerId);
				// Keeps proxies and phones from closing a quiet stream (the engine ends questions itself).
				timer = setInterval(() => enqueue(': keep-alive\n\n'), 15_000);
				request.signal.addEventListener('abort', () => {
					stop();
					try {
						controller.close();
					} catch {
						// already closed by the client
					}
				});
			},
			cancel: stop
		});
		return new Response(stream, {
			headers: {
				'content-type': 'text/event-stream',
				'cache-control': 'no-cache',
				connection: 'keep-alive'
			}
		});
	}
);
