/**
 * A game as one screen sees it: the latest view from the server's event stream, the
 * server's clock (for countdowns every phone agrees on) and whether the stream is connected.
 * EventSource reconnects by itself; the first message after a reconnection brings the screen
 * up to date, so a dropped Wi-Fi costs nothing.
 */
export type Connection = 'connecting' | 'live' | 'reconnecting' | 'closed';

export class GameFeed<View> {
	view = $state.raw<View>() as View;
	connection = $state<Connection>('connecting');
	/** Server time minus this device's time, from the last message. */
	#offset = 0;
	/** The server's time now, updated four times a second while connected. */
	now = $state(0);

	constructor(initial: View, serverNow: number) {
		this.view = initial;
		this.#offset = serverNow - Date.now();
		this.now = serverNow;
	}

	/** Opens the stream; returns the function that closes it (for `$effect`'s cleanup). */
	connect(url: string, onView?: (view: View) => void): () => void {
		const source = new EventSource(url);
		source.onopen = () => (this.connection = 'live');
		source.onerror = () => {
			this.connection = source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting';
		};
		source.onmessage = (event) => {
			const message = JSON.parse(event.data) as View & { serverNow?: number };
			if (typeof message.serverNow === 'number') this.#offset = message.serverNow - Date.now();
			this.connection = 'live';
			this.view = message;
			onView?.(message);
		};
		const clock = setInterval(() => (this.now = Date.now() + this.#offset), 250);
		return () => {
			clearInterval(clock);
			source.close();
		};
	}

	/** Whole seconds left before `deadline` by the server's clock (0 when past or none). */
	secondsLeft(deadline: number | null): number {
		return deadline === null ? 0 : Math.max(0, Math.ceil((deadline - this.now) / 1000));
	}
}
