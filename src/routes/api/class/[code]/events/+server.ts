import { error } from '@sveltejs/kit';
import type { GameState } from '$lib/classroom/game';
import { hostView, playerView } from '$lib/classroom/views';
import { gameCards, getEngine, HOST_COOKIE, PLAYER_COOKIE } from '$lib/server/classroom';
import type { RequestHandler } from './$types';

/**
 * Server-Sent Events: the game as this client may see it (host or player view), sent at once
 * and after every change. EventSource reconnects by itself; the first event brings it up to date.
 */
export const GET: RequestHandler = ({ params, cookies, request }) => {
	const engine = getEngine();
	const state = engine.get(params.code);
	if (!state) error(404, 'No game with this code (or it has expired).');
	const isHost = engine.isHost(params.code, cookies.get(HOST_COOKIE(params.code)));
	const playerId = cookies.get(PLAYER_COOKIE(params.code));
	if (!isHost && !playerId) error(401, 'Join the game first.');
	const cards = gameCards(state.cardIds);
	const view = (s: GameState) => (isHost ? hostView(s, cards) : playerView(s, playerId!, cards));

	let unsubscribe = () => {};
	let timer: ReturnType<typeof setInterval> | undefined;
	const stream = new ReadableStream<string>({
		start(controller) {
			const send = (s: GameState) => controller.enqueue(`data: ${JSON.stringify(view(s))}\n\n`);
			send(engine.get(params.code) ?? state);
			unsubscribe = engine.subscribe(params.code, send, isHost ? undefined : playerId);
			// Keeps proxies and phones from closing a quiet stream (the engine ends questions itself).
			timer = setInterval(() => controller.enqueue(': keep-alive\n\n'), 15_000);
			request.signal.addEventListener('abort', () => {
				unsubscribe();
				clearInterval(timer);
				try {
					controller.close();
				} catch {
					// already closed by the client
				}
			});
		},
		cancel() {
			unsubscribe();
			clearInterval(timer);
		}
	});
	return new Response(stream.pipeThrough(new TextEncoderStream()), {
		headers: {
			'content-type': 'text/event-stream',
			'cache-control': 'no-cache',
			connection: 'keep-alive'
		}
	});
};
