import { describe, expect, it } from 'vitest';
import {
	answer,
	createGame,
	join,
	next,
	finish,
	removePlayer,
	restorePlayer,
	reveal,
	showLeaderboard,
	start,
	type GameState,
	type LiveGame
} from '$lib/classroom/game';
import { createAssignment } from '$lib/classroom/assignment';
import {
	answerTable,
	report,
	reportCsv,
	reportKey,
	studentsCsv,
	type StudentReport
} from '$lib/classroom/report';
import { hostView } from '$lib/classroom/views';
import { csvField } from '$lib/csv/csv';
import { must, T0, testCard } from '../helpers/classroom';

const choice = (id: string, prompt: string, answer: string, options: string[]) =>
	testCard(id, {
		prompt,
		prompt_en: prompt,
		answer,
		options,
		source: { article: 'unita', sentence: id, text: `${prompt} ${answer}` }
	});

const cards = [
	choice('easy', 'Capitale nel 1861?', 'Torino', ['Torino', 'Roma']),
	choice('hard', 'Il re, detto "galantuomo"?', 'Vittorio Emanuele II', [
		'Vittorio Emanuele II',
		'Umberto I'
	]),
	choice('mid', 'Primo ministro?', 'Cavour', ['Cavour', 'Crispi'])
];

/** Three players: Anna right everywhere, Bruno right on the easy one, Chiara silent on the last. */
function played(): GameState {
	const settings = { questions: 3, secondsPerQuestion: 20, speedBonus: true };
	let state = must(
		createGame(
			'123456',
			cards.map((c) => c.id),
			settings,
			T0
		)
	);
	for (const [id, nickname] of [
		['a', 'Anna'],
		['b', 'Bruno'],
		['c', 'Chiara'],
		['x', 'Troll']
	]) {
		state = must(join(state, { playerId: id, nickname }, T0));
	}
	let now = T0 + 1000;
	state = must(start(state, now));
	const plan: Record<string, string | null>[] = [
		{ a: 'Torino', b: 'Torino', c: 'Torino', x: 'Roma' },
		{ a: 'Vittorio Emanuele II', b: 'Umberto I', c: 'Umberto I', x: 'Umberto I' },
		{ a: 'Cavour', b: 'Crispi', c: null, x: 'Crispi' }
	];
	plan.forEach((answers, q) => {
		for (const [playerId, given] of Object.entries(answers)) {
			if (given === null) continue;
			const at = now + (playerId === 'a' ? 2000 : 4000);
			state = must(answer(state, { playerId, questionIndex: q, given }, cards[q], at));
		}
		state = must(reveal(state));
		now += 60_000;
		state = must(next(state, now));
	});
	return must(removePlayer(state, 'x'));
}

describe('report', () => {
	it('sums up each student, best first, leaving out removed players', () => {
		const { students } = report(played(), cards);
		expect(students.map((s) => s.nickname)).toEqual(['Anna', 'Bruno', 'Chiara']);
		expect(students[0]).toMatchObject({ right: 3, wrong: 0, unanswered: 0, averageRightMs: 2000 });
		expect(students[0].points).toBe(3 * 950);
		expect(students[2]).toMatchObject({ right: 1, wrong: 1, unanswered: 1, points: 900 });
	});

	it('lists questions hardest first, with right % and average time', () => {
		const { questions } = report(played(), cards);
		expect(questions.map((q) => q.cardId)).toEqual(['hard', 'mid', 'easy']);
		expect(questions.map((q) => Math.round(q.rightPercent))).toEqual([33, 33, 100]);
		expect(questions[1]).toMatchObject({ right: 1, wrong: 1, unanswered: 1, averageMs: 3000 });
	});

	it('covers only the questions revealed so far', () => {
		const settings = { questions: 3, secondsPerQuestion: 20, speedBonus: true };
		let state = must(
			createGame(
				'123456',
				cards.map((c) => c.id),
				settings,
				T0
			)
		);
		state = must(start(must(join(state, { playerId: 'a', nickname: 'Anna' }, T0)), T0));
		state = must(answer(state, { playerId: 'a', questionIndex: 0, given: 'Torino' }, cards[0], T0));
		expect(report(state, cards).questions).toEqual([]);
		expect(report(must(reveal(state)), cards).questions).toHaveLength(1);
	});

	it('holds a row per student and per question, never one per answer', () => {
		// 300 students typing 300 different numbers to 5 questions: 1,500 answers.
		const numbers = Array.from({ length: 5 }, (_, i) =>
			testCard(`n${i}`, { type: 'numeric', prompt: `Quanti? ${i}`, answer: '1861' })
		);
		let state = must(
			createGame(
				'123456',
				numbers.map((c) => c.id),
				{ questions: 5, secondsPerQuestion: 20, speedBonus: true },
				T0
			)
		);
		for (let p = 0; p < 300; p++) {
			state = must(join(state, { playerId: `p${p}`, nickname: `Studente ${p}` }, T0));
		}
		state = must(start(state, T0));
		numbers.forEach((card, q) => {
			for (let p = 0; p < 300; p++) {
				const given = String(1000 + p);
				state = must(answer(state, { playerId: `p${p}`, questionIndex: q, given }, card, T0));
			}
			state = must(next(must(reveal(state)), T0));
		});
		const shown = report(state, numbers);
		expect(shown.students).toHaveLength(300);
		expect(shown.questions).toHaveLength(5);
		// What the page loads grows with the students, not with their answers.
		expect(JSON.stringify(shown).length).toBeLessThan(300 * 200 + 5 * 300);
		// The CSV file still has every answer.
		expect(answerTable(state, numbers)).toHaveLength(1500);
		expect(reportCsv(state, numbers, 'answers')).toContain(
			'5,Quanti? 4,Studente 299,1299,wrong,0,0'
		);
	});
});

describe('reportKey', () => {
	it('is the same for two views of a live game only when their reports are the same', () => {
		const settings = { questions: 3, secondsPerQuestion: 20, speedBonus: true };
		let state = must(
			createGame(
				'123456',
				cards.map((c) => c.id),
				settings,
				T0
			)
		);
		const seen: GameState[] = [state];
		const step = (next: LiveGame) => seen.push((state = next));
		step(must(join(state, { playerId: 'a', nickname: 'Anna' }, T0)));
		step(must(join(state, { playerId: 'b', nickname: 'Bruno' }, T0)));
		step(must(start(state, T0)));
		step(must(answer(state, { playerId: 'a', questionIndex: 0, given: 'Torino' }, cards[0], T0)));
		step(must(join(state, { playerId: 'c', nickname: 'Chiara' }, T0)));
		step(must(answer(state, { playerId: 'b', questionIndex: 0, given: 'Roma' }, cards[0], T0)));
		step(must(reveal(state)));
		step(must(showLeaderboard(state)));
		step(must(removePlayer(state, 'b')));
		step(must(restorePlayer(state, 'b')));
		step(must(next(state, T0 + 60_000)));
		step(
			must(answer(state, { playerId: 'c', questionIndex: 1, given: 'Umberto I' }, cards[1], T0))
		);
		step(must(reveal(state)));
		step(must(next(state, T0 + 120_000)));
		step(must(finish(state)));

		const keys = seen.map((s) => reportKey(hostView(s, cards)));
		const reports = seen.map((s) => report(s, cards));
		for (let i = 0; i < seen.length; i++) {
			for (let j = 0; j < i; j++) {
				if (keys[i] === keys[j]) expect(reports[i], `${j} → ${i}`).toEqual(reports[j]);
				else expect(reports[i], `${j} → ${i}`).not.toEqual(reports[j]);
			}
		}
		// Answers during a question change nothing the report shows: no fetch for them.
		expect(keys[3]).toBe(keys[4]);
		expect(new Set(keys).size).toBeLessThan(seen.length);
	});

	it('is null for an assignment, whose every answer counts at once', () => {
		const state = must(
			createAssignment(
				'123456',
				cards.map((c) => c.id),
				{ questions: 3, closesAt: T0 + 3_600_000 },
				T0
			)
		);
		expect(reportKey(hostView(state, cards))).toBeNull();
	});
});

describe('reportCsv', () => {
	const students: StudentReport[] = [
		{
			playerId: 'p',
			nickname: '=cmd|/C calc',
			rank: 1,
			right: 1,
			wrong: 0,
			unanswered: 0,
			points: 950,
			averageRightMs: 2345
		},
		{
			playerId: 'q',
			nickname: "-D'Annunzio",
			rank: 2,
			right: 0,
			wrong: 1,
			unanswered: 0,
			points: 0,
			averageRightMs: null
		}
	];

	it('writes one CRLF line per student with a header', () => {
		expect(studentsCsv(students)).toBe(
			'Rank,Nickname,Points,Right,Wrong,Unanswered,Average time right (s)\r\n' +
				`1,"'=cmd|/C calc",950,1,0,0,2.3\r\n` +
				`2,"'-D'Annunzio",0,0,1,0,\r\n`
		);
	});

	it('lists every answer of every student, with no answer spelled out', () => {
		const rows = reportCsv(played(), cards, 'answers').split('\r\n');
		expect(rows[0]).toBe('Question,Prompt,Nickname,Answer given,Result,Time (s),Points');
		// 3 revealed questions × 3 students still in the game, and the final empty line.
		expect(rows).toHaveLength(1 + 9 + 1);
		expect(rows).toContain(`3,${cards[2].prompt},Chiara,,no answer,,0`);
		expect(rows.filter((r) => r.includes(',Anna,'))).toHaveLength(3);
	});

	it('quotes commas, quotes and line breaks, doubling quotes', () => {
		const csv = reportCsv(played(), cards, 'questions');
		// How the class answered: every option, chosen or not.
		expect(csv.split('\r\n')[3]).toBe('1,Capitale nel 1861?,Torino,100,3.3,Torino: 3; Roma: 0');
		expect(csv.split('\r\n')[1]).toBe(
			'2,"Il re, detto ""galantuomo""?",Vittorio Emanuele II,33,3.3,Vittorio Emanuele II: 1; Umberto I: 2'
		);
		expect(csvField('due\nrighe')).toBe('"due\nrighe"');
		expect(csvField('semplice')).toBe('semplice');
	});

	it('never lets a spreadsheet run a field as a formula', () => {
		expect(csvField('=cmd')).toBe(`"'=cmd"`);
		expect(csvField('+1')).toBe(`"'+1"`);
		expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
		expect(csvField('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
		expect(csvField(-3)).toBe('-3');
	});
});
