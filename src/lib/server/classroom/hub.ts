/**
 * The classroom's event hub: who listens to which game (the host's screens, each phone), and
 * who hears of a change. Only delivery: the engine stores a change first, then publishes it.
 */
import type { GameState } from '$lib/classroom/game';

/**
 * Who hears of a change: everyone (a new phase), the host and one phone (a removal, a self-paced
 * answer), or the host alone (a join, a live answer: the phone that sent it has its reply). The
 * host and several phones: changes made on other instances, heard together (`notify.ts`).
 */
export type Audience = 'everyone' | 'hosts' | { playerId: string } | { playerIds: string[] };
export type Listener = (state: GameState) => void;

/** A game's listeners: all of them, the host's screens, and each phone's by player id. */
interface Subscribers {
	all: Set<Listener>;
	hosts: Set<Listener>;
	byPlayer: Map<string, Set<Listener>>;
}

export class EventHub {
	#games = new Map<string, Subscribers>();

	/**
	 * Calls `listener` after every change that concerns `playerId`'s phone (phase changes, their
	 * removal, their self-paced answers), or after every change when `playerId` is undefined (the
	 * host). Another student's answer changes nothing on a phone, so a class of 1,000 does not
	 * cost a million messages per question. Returns the unsubscribe function.
	 */
	subscribe(code: string, listener: Listener, playerId?: string): () => void {
		let subscribers = this.#games.get(code);
		if (!subscribers) {
			subscribers = { all: new Set(), hosts: new Set(), byPlayer: new Map() };
			this.#games.set(code, subscribers);
		}
		const { all, hosts, byPlayer } = subscribers;
		// Wrapped, so the same function subscribed twice (two tabs) counts twice.
		const entry: Listener = (state) => listener(state);
		const own = playerId === undefined ? hosts : (byPlayer.get(playerId) ?? new Set());
		if (playerId !== undefined) byPlayer.set(playerId, own);
		all.add(entry);
		own.add(entry);
		return () => {
			all.delete(entry);
			own.delete(entry);
			if (playerId !== undefined && own.size === 0) byPlayer.delete(playerId);
			if (all.size === 0 && this.#games.get(code) === subscribers) this.#games.delete(code);
		};
	}

	/** Tells `audience` of the game's new state; a listener that throws stops nobody else. */
	publish(code: string, state: GameState, audience: Audience = 'everyone'): void {
		const subscribers = this.#games.get(code);
		if (!subscribers) return;
		const { all, hosts, byPlayer } = subscribers;
		// An answer or a join reaches the host and one phone, without walking the whole class.
		const phones = (id: string) => byPlayer.get(id) ?? [];
		const listeners =
			audience === 'everyone'
				? [...all]
				: audience === 'hosts'
					? [...hosts]
					: 'playerId' in audience
						? [...hosts, ...phones(audience.playerId)]
						: [...hosts, ...audience.playerIds.flatMap((id) => [...phones(id)])];
		for (const listener of listeners) {
			// The change is stored: one broken stream must not undo it for the caller or the rest.
			try {
				listener(state);
			} catch (error) {
				console.error('Classroom listener failed', error);
			}
		}
	}

	/** Whether a screen of this instance listens to the game. */
	has(code: string): boolean {
		return this.#games.has(code);
	}

	/** The games some screen of this instance listens to. */
	codes(): string[] {
		return [...this.#games.keys()];
	}

	/** Forgets every listener of a game (it was deleted). */
	drop(code: string): void {
		this.#games.delete(code);
	}
}
