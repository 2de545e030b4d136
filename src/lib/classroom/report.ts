/**
 * The teacher's report after a live quiz: per student and per question, and as CSV for a
 * spreadsheet. Only revealed questions and players still in the game count.
 */
import type { Card } from '$lib/cards/types';
import { activePlayers, type PlayerAnswer, type GameState } from '$lib/classroom/game';
import { toCsv } from '$lib/csv/csv';
import {
	distribution,
	leaderboard,
	liveRevealedThrough,
	revealedThrough,
	type DistributionRow
} from '$lib/classroom/standings';
import { gameOptions } from '$lib/classroom/presentation';
import type { HostView } from '$lib/classroom/views';

export interface StudentReport {
	playerId: string;
	nickname: string;
	rank: number;
	right: number;
	wrong: number;
	unanswered: number;
	points: number;
	/** Mean time of the right answers (ms); null without any. */
	averageRightMs: number | null;
}

export interface QuestionReport {
	/** 0-based position in the game. */
	index: number;
	cardId: string;
	prompt: string;
	answer: string;
	right: number;
	wrong: number;
	unanswered: number;
	/** `right / players × 100`; a player who joined later counts as unanswered. */
	rightPercent: number;
	/** Mean time of all answers given (ms); null without any. */
	averageMs: number | null;
}

/** One student's answer to one question (or none): the detail behind both tables. */
export interface AnswerDetail {
	nickname: string;
	/** 0-based position in the game. */
	index: number;
	prompt: string;
	given: string | null;
	correct: boolean;
	elapsedMs: number | null;
	points: number;
}

/**
 * What the report page shows: one row per student and per question, never one per answer (a
 * class of 1,000 answering 10 questions has 10,000 of those: `answerTable` makes them for the
 * CSV file only).
 */
export interface Report {
	code: string;
	/** Best first, as on the leaderboard. */
	students: StudentReport[];
	/** Hardest first (lowest right %), then in game order. */
	questions: QuestionReport[];
}

function push<K>(map: Map<K, PlayerAnswer[]>, key: K, answer: PlayerAnswer): void {
	const list = map.get(key);
	if (list) list.push(answer);
	else map.set(key, [answer]);
}

const mean = (values: number[]) =>
	values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null;

/** The answers that count, indexed once: revealed questions, players still in the game. */
interface Counted {
	players: number;
	/** How many questions are revealed (they are the first ones). */
	played: number;
	byPlayer: Map<string, PlayerAnswer[]>;
	byQuestion: Map<number, PlayerAnswer[]>;
	/** By `questionIndex:playerId`. */
	byBoth: Map<string, PlayerAnswer>;
}

function counted(state: GameState): Counted {
	const players = activePlayers(state);
	const active = new Set(players.map((p) => p.id));
	const played = revealedThrough(state) + 1;
	// One pass to index the answers by player and by question: a class of 1,000 answering 10
	// questions must not cost 1,000 × 10 scans of 10,000 answers.
	const byPlayer = new Map<string, PlayerAnswer[]>();
	const byQuestion = new Map<number, PlayerAnswer[]>();
	const byBoth = new Map<string, PlayerAnswer>();
	for (const a of state.answers) {
		if (a.questionIndex >= played || !active.has(a.playerId)) continue;
		push(byPlayer, a.playerId, a);
		push(byQuestion, a.questionIndex, a);
		byBoth.set(`${a.questionIndex}:${a.playerId}`, a);
	}
	return { players: players.length, played, byPlayer, byQuestion, byBoth };
}

/** The report of the questions revealed so far. */
export function report(state: GameState, cards: readonly Card[]): Report {
	const { players, played, byPlayer, byQuestion } = counted(state);
	const students = leaderboard(state).map((s): StudentReport => {
		const own = byPlayer.get(s.playerId) ?? [];
		const right = own.filter((a) => a.correct);
		return {
			playerId: s.playerId,
			nickname: s.nickname,
			rank: s.rank,
			right: right.length,
			wrong: own.length - right.length,
			unanswered: played - own.length,
			points: s.score,
			averageRightMs: mean(right.map((a) => a.elapsedMs))
		};
	});

	const questions = state.cardIds.slice(0, played).map((cardId, index): QuestionReport => {
		const card = cards.find((c) => c.id === cardId);
		const given = byQuestion.get(index) ?? [];
		const right = given.filter((a) => a.correct).length;
		return {
			index,
			cardId,
			prompt: card?.prompt ?? '',
			answer: card?.answer ?? '',
			right,
			wrong: given.length - right,
			unanswered: players - given.length,
			rightPercent: players ? (right / players) * 100 : 0,
			averageMs: mean(given.map((a) => a.elapsedMs))
		};
	});
	questions.sort((a, b) => a.rightPercent - b.rightPercent || a.index - b.index);
	return { code: state.code, students, questions };
}

/**
 * Every student × every revealed question (an answer or none), in game order then rank order:
 * the detail behind both tables of the report, for the CSV file.
 */
export function answerTable(state: GameState, cards: readonly Card[]): AnswerDetail[] {
	const { played, byBoth } = counted(state);
	const students = leaderboard(state);
	const details: AnswerDetail[] = [];
	for (let index = 0; index < played; index++) {
		const prompt = cards.find((c) => c.id === state.cardIds[index])?.prompt ?? '';
		for (const s of students) {
			const a = byBoth.get(`${index}:${s.playerId}`);
			details.push({
				nickname: s.nickname,
				index,
				prompt,
				given: a?.given ?? null,
				correct: a?.correct ?? false,
				elapsedMs: a?.elapsedMs ?? null,
				points: a?.points ?? 0
			});
		}
	}
	return details;
}

const seconds = (ms: number | null) => (ms === null ? null : Number((ms / 1000).toFixed(1)));

/**
 * What of the projector's view the report depends on, so that an open report fetches itself
 * again only when it can have changed: in a live game, the questions revealed (answers count
 * from their reveal, scores move only then), who is in and who was removed. Two views with the
 * same key have the same report. Null for a self-paced assignment: each answer counts at once
 * and the projector's view does not carry answers, so any change may alter the report.
 */
export function reportKey(view: HostView): string | null {
	if (view.kind === 'assignment') return null;
	return `${liveRevealedThrough(view)}|${view.playerCount}|${view.removed.map((p) => p.id).join(',')}`;
}

/** The tables the report can be downloaded as. */
export const REPORT_TABLES = ['students', 'questions', 'answers'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];

/**
 * The report as CSV (CRLF line ends): one table of students, of questions (hardest first, with
 * how the class answered each) or of every answer, with a header row. Times in seconds, one
 * decimal. Nicknames and typed answers come from students: `$lib/csv/csv` keeps a spreadsheet
 * from running them as formulas.
 */
export function reportCsv(state: GameState, cards: readonly Card[], table: ReportTable): string {
	if (table === 'answers') return answersCsv(answerTable(state, cards));
	const data = report(state, cards);
	if (table === 'students') return studentsCsv(data.students);
	return questionsCsv(
		data.questions.map((q) => {
			const card = cards.find((c) => c.id === q.cardId);
			const options = card ? gameOptions(state, q.index, card) : [];
			return { ...q, distribution: distribution(state, q.index, options) };
		})
	);
}

/** The students' table as CSV. */
export function studentsCsv(rows: readonly StudentReport[]): string {
	return toCsv([
		['Rank', 'Nickname', 'Points', 'Right', 'Wrong', 'Unanswered', 'Average time right (s)'],
		...rows.map((s) => [
			s.rank,
			s.nickname,
			s.points,
			s.right,
			s.wrong,
			s.unanswered,
			seconds(s.averageRightMs)
		])
	]);
}

/** The questions' table as CSV, with every answer given and how often. */
export function questionsCsv(
	rows: readonly (QuestionReport & { distribution: DistributionRow[] })[]
): string {
	return toCsv([
		['Question', 'Prompt', 'Answer', 'Right %', 'Average time (s)', 'Answers'],
		...rows.map((q) => [
			q.index + 1,
			q.prompt,
			q.answer,
			Math.round(q.rightPercent),
			seconds(q.averageMs),
			q.distribution.map((d) => `${d.given}: ${d.count}`).join('; ')
		])
	]);
}

/** Every answer (`answerTable`) as CSV. */
export function answersCsv(rows: readonly AnswerDetail[]): string {
	return toCsv([
		['Question', 'Prompt', 'Nickname', 'Answer given', 'Result', 'Time (s)', 'Points'],
		...rows.map((a) => [
			a.index + 1,
			a.prompt,
			a.nickname,
			a.given,
			a.given === null ? 'no answer' : a.correct ? 'right' : 'wrong',
			seconds(a.elapsedMs),
			a.points
		])
	]);
}
