import type { HostAction } from '$lib/classroom/contracts';

/** What the projector's controls ask the server to do: the contract's own list. */
export type HostCommand = HostAction['action'];

/** Sends a command; the page shows what went wrong. */
export type Act = (command: HostCommand, playerId?: string) => Promise<void>;
