import { describe, expect, it } from 'vitest';
import {
	answer,
	createGame,
	join,
	next,
	removePlayer,
	reveal,
	start,
	type GameState
} from '$lib/classroom/game';
import { report, reportCsv, type Report } from '$lib/classroom/report';
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

	it('lists questions hardest first, with right %, average time and distribution', () => {
		const { questions } = report(played(), cards);
		expect(questions.map((q) => q.cardId)).toEqual(['hard', 'mid', 'easy']);
		expect(questions.map((q) => Math.round(q.rightPercent))).toEqual([33, 33, 100]);
		expect(questions[1]).toMatchObject({ right: 1, wrong: 1, unanswered: 1, averageMs: 3000 });
		expect(questions[2].distribution).toEqual([
			{ given: 'Torino', count: 3 },
			{ given: 'Roma', count: 0 }
		]);
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
});

describe('reportCsv', () => {
	const data: Report = {
		code: '123456',
		students: [
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
		],
		questions: [],
		answers: []
	};

	it('writes one CRLF line per student with a header', () => {
		expect(reportCsv(data)).toBe(
			'Rank,Nickname,Points,Right,Wrong,Unanswered,Average time right (s)\r\n' +
				`1,"'=cmd|/C calc",950,1,0,0,2.3\r\n` +
				`2,"'-D'Annunzio",0,0,1,0,\r\n`
		);
	});

	it('lists every answer of every student, with no answer spelled out', () => {
		const rows = reportCsv(report(played(), cards), 'answers').split('\r\n');
		expect(rows[0]).toBe('Question,Prompt,Nickname,Answer given,Result,Time (s),Points');
		// 3 revealed questions × 3 students still in the game, and the final empty line.
		expect(rows).toHaveLength(1 + 9 + 1);
		expect(rows).toContain(`3,${cards[2].prompt},Chiara,,no answer,,0`);
		expect(rows.filter((r) => r.includes(',Anna,'))).toHaveLength(3);
	});

	it('quotes commas, quotes and line breaks, doubling quotes', () => {
		const csv = reportCsv(report(played(), cards), 'questions');
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
