/**
 * The teacher's report after a live quiz: per student and per question, and as CSV for a
 * spreadsheet. Only revealed questions and players still in the game count.
 */
import type { Card } from '$lib/cards/types';
import { activePlayers, type Answer, type GameState } from '$lib/classroom/game';
import { toCsv } from '$lib/csv/csv';
import {
	distribution,
	leaderboard,
	revealedThrough,
	type DistributionRow
} from '$lib/classroom/standings';
import { gameOptions } from '$lib/classroom/presentation';

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
	distribution: DistributionRow[];
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

export interface Report {
	code: string;
	/** Every student × every revealed question, in game order then rank order. */
	answers: AnswerDetail[];
	/** Best first, as on the leaderboard. */
	students: StudentReport[];
	/** Hardest first (lowest right %), then in game order. */
	questions: QuestionReport[];
}

function push<K>(map: Map<K, Answer[]>, key: K, answer: Answer): void {
	const list = map.get(key);
	if (list) list.push(answer);
	else map.set(key, [answer]);
}

const mean = (values: number[]) =>
	values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : null;

/** The report of the questions revealed so far. */
export function report(state: GameState, cards: readonly Card[]): Report {
	const players = activePlayers(state);
	const active = new Set(players.map((p) => p.id));
	const played = revealedThrough(state) + 1;
	const answers = state.answers.filter((a) => a.questionIndex < played && active.has(a.playerId));
	// One pass to index the answers by player and by question: a class of 1,000 answering 10
	// questions must not cost 1,000 × 10 scans of 10,000 answers.
	const byPlayer = new Map<string, Answer[]>();
	const byQuestion = new Map<number, Answer[]>();
	const byBoth = new Map<string, Answer>();
	for (const a of answers) {
		push(byPlayer, a.playerId, a);
		push(byQuestion, a.questionIndex, a);
		byBoth.set(`${a.questionIndex}:${a.playerId}`, a);
	}

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
			unanswered: players.length - given.length,
			rightPercent: players.length ? (right / players.length) * 100 : 0,
			averageMs: mean(given.map((a) => a.elapsedMs)),
			distribution: distribution(state, index, card ? gameOptions(state, index, card) : [])
		};
	});
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
	questions.sort((a, b) => a.rightPercent - b.rightPercent || a.index - b.index);
	return { code: state.code, answers: details, students, questions };
}

const seconds = (ms: number | null) => (ms === null ? null : Number((ms / 1000).toFixed(1)));

/**
 * The report as CSV (CRLF line ends): one table of students, of questions (hardest first) or
 * of every answer, with a header row. Times in seconds, one decimal. Nicknames and typed answers
 * come from students: `$lib/csv/csv` keeps a spreadsheet from running them as formulas.
 */
export function reportCsv(
	data: Report,
	table: 'students' | 'questions' | 'answers' = 'students'
): string {
	if (table === 'answers') {
		return toCsv([
			['Question', 'Prompt', 'Nickname', 'Answer given', 'Result', 'Time (s)', 'Points'],
			...data.answers.map((a) => [
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
	if (table === 'students') {
		return toCsv([
			['Rank', 'Nickname', 'Points', 'Right', 'Wrong', 'Unanswered', 'Average time right (s)'],
			...data.students.map((s) => [
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
	return toCsv([
		['Question', 'Prompt', 'Answer', 'Right %', 'Average time (s)', 'Answers'],
		...data.questions.map((q) => [
			q.index + 1,
			q.prompt,
			q.answer,
			Math.round(q.rightPercent),
			seconds(q.averageMs),
			q.distribution.map((d) => `${d.given}: ${d.count}`).join('; ')
		])
	]);
}
