/**
 * Who is winning and how the class answered, from the revealed questions only: during a
 * question nothing here changes, so it cannot tell anyone which answers were right.
 */
import { activePlayers, type GameState, type LiveGame } from '$lib/classroom/game';

export interface Standing {
	playerId: string;
	nickname: string;
	score: number;
	/** 1-based; players tied on score and on the time of their last right answer share it. */
	rank: number;
	streak: number;
}

export interface DistributionRow {
	given: string;
	count: number;
	/** The row that sums up the typed answers beyond the most frequent ones. */
	others?: true;
}

/** Typed answers listed one by one at a reveal; the rest are summed in one row. */
export const DISTRIBUTION_ROWS = 8;

/** The last question whose results are public: -1 before the first reveal. */
export function revealedThrough(state: GameState): number {
	// Self-paced: each answer is graded at once, and the teacher follows results as they come.
	if (state.kind === 'assignment') return state.cardIds.length - 1;
	return liveRevealedThrough(state);
}

/** `revealedThrough` of a live game, from its phase and question (as any of its views has them). */
export function liveRevealedThrough({
	phase,
	questionIndex
}: Pick<LiveGame, 'phase' | 'questionIndex'>): number {
	if (phase === 'lobby') return -1;
	return phase === 'question' ? questionIndex - 1 : questionIndex;
}

// States are immutable, so a state's leaderboard never changes: each of a thousand phones'
// views at a reveal reuses the one computed for the first.
const boards = new WeakMap<GameState, Standing[]>();

/**
 * The players still in the game, best first: score descending, then whoever reached it first
 * (the earlier last right answer, by server time), then who joined first.
 */
export function leaderboard(state: GameState): Standing[] {
	return board(state).map((s) => ({ ...s }));
}

/** The state's leaderboard, computed once; callers copy what they hand out. */
function board(state: GameState): readonly Standing[] {
	let cached = boards.get(state);
	if (!cached) {
		cached = computeLeaderboard(state);
		boards.set(state, cached);
	}
	return cached;
}

function computeLeaderboard(state: GameState): Standing[] {
	const through = revealedThrough(state);
	const lastRight = new Map<string, number>();
	for (const a of state.answers) {
		if (a.correct && a.questionIndex <= through) {
			lastRight.set(a.playerId, Math.max(a.at, lastRight.get(a.playerId) ?? -Infinity));
		}
	}
	const rows = activePlayers(state).map((p) => ({
		player: p,
		last: lastRight.get(p.id) ?? Infinity
	}));
	rows.sort(
		(a, b) =>
			b.player.score - a.player.score || a.last - b.last || a.player.joinedAt - b.player.joinedAt
	);
	// Competition ranking ("1224"): a tie on what decides the order shares the rank.
	return rows.map((row, i) => {
		let first = i;
		while (
			first > 0 &&
			rows[first - 1].player.score === row.player.score &&
			rows[first - 1].last === row.last
		) {
			first--;
		}
		return {
			playerId: row.player.id,
			nickname: row.player.nickname,
			score: row.player.score,
			rank: first + 1,
			streak: row.player.streak
		};
	});
}

/** The top three places (more than three players when some share a place). */
export function podium(state: GameState): Standing[] {
	return board(state)
		.filter((s) => s.rank <= 3)
		.map((s) => ({ ...s }));
}

/**
 * How many players still in the game gave each answer to a question. With `options` (a choice
 * card), every option appears, in order, even when nobody chose it; other answers (typed ones)
 * follow, most frequent first.
 */
export function distribution(
	state: GameState,
	questionIndex: number,
	options: readonly string[] = [],
	rows = Infinity
): DistributionRow[] {
	const active = new Set(activePlayers(state).map((p) => p.id));
	const counts = new Map<string, number>(options.map((o) => [o, 0]));
	for (const a of state.answers) {
		if (a.questionIndex === questionIndex && active.has(a.playerId)) {
			counts.set(a.given, (counts.get(a.given) ?? 0) + 1);
		}
	}
	const listed = options.map((o) => ({ given: o, count: counts.get(o) ?? 0 }));
	const others = [...counts]
		.filter(([given]) => !options.includes(given))
		.map(([given, count]) => ({ given, count }))
		.sort((a, b) => b.count - a.count || a.given.localeCompare(b.given));
	if (others.length <= rows) return [...listed, ...others];
	// A reveal reaches every phone: a thousand different numbers must not make it a thousand rows.
	const rest = others.slice(rows).reduce((sum, row) => sum + row.count, 0);
	return [...listed, ...others.slice(0, rows), { given: '', count: rest, others: true }];
}
