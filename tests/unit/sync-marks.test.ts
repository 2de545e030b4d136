import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLAGS } from '$lib/srs/marks';
import type { MarkRecord } from '$lib/storage/records';
import { mergeMarks, stampMark } from '$lib/sync/marks';

const at = (hour: number) => new Date(Date.UTC(2026, 10, 23, hour));
const plain = (id = 'card-a'): MarkRecord => ({
	id,
	track: 'facts',
	suspended: false,
	buriedUntil: null,
	flag: null
});

describe('stamping a card mark', () => {
	it('stamps only the fields that changed, and keeps the stamps of the others', () => {
		const flagged = stampMark(undefined, { ...plain(), flag: 'red' }, at(9));
		expect(flagged?.changedAt).toEqual({ flag: at(9).toISOString() });
		const suspended = stampMark(flagged!, { ...flagged!, suspended: true }, at(10));
		expect(suspended?.changedAt).toEqual({
			flag: at(9).toISOString(),
			suspended: at(10).toISOString()
		});
	});

	it('keeps a mark taken off as an empty, stamped record (so the others take it off too)', () => {
		const flagged = stampMark(undefined, { ...plain(), flag: 'red', suspended: true }, at(9))!;
		const off = stampMark(flagged, null, at(11));
		expect(off).toMatchObject({ suspended: false, flag: null, buriedUntil: null });
		expect(off?.changedAt).toEqual({ suspended: at(11).toISOString(), flag: at(11).toISOString() });
		expect(stampMark(undefined, null, at(11))).toBeNull();
	});
});

describe('merging card marks', () => {
	it('keeps a flag set on the phone and a suspension set on the laptop; a later change wins', () => {
		const phone = stampMark(undefined, { ...plain(), flag: 'green' }, at(9))!;
		const laptop = stampMark(undefined, { ...plain(), suspended: true }, at(10))!;
		expect(mergeMarks([phone], [laptop]).get('card-a')).toMatchObject({
			flag: 'green',
			suspended: true
		});
		// The phone, in step, takes the suspension off later.
		const synced = mergeMarks([phone], [laptop]).get('card-a')!;
		const unsuspended = stampMark(synced, { ...synced, suspended: false }, at(12))!;
		expect(mergeMarks([laptop], [unsuspended]).get('card-a')).toMatchObject({
			flag: 'green',
			suspended: false
		});
	});

	it("keeps this device's marks where neither side has stamps (marks from before)", () => {
		const mine = { ...plain(), flag: 'red' as const };
		const theirs = { ...plain(), flag: 'blue' as const };
		expect(mergeMarks([mine], [theirs]).get('card-a')?.flag).toBe('red');
		expect(
			mergeMarks([mine], [stampMark(theirs, theirs, at(9))!, theirs]).get('card-a')?.flag
		).toBe('red');
	});

	const stamp = fc.option(
		fc.integer({ min: 0, max: 5 }).map((h) => at(h).toISOString()),
		{
			nil: undefined
		}
	);
	const mark = fc
		.record({
			id: fc.constantFrom('card-a', 'card-b'),
			suspended: fc.boolean(),
			buriedUntil: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
			flag: fc.option(fc.constantFrom(...FLAGS), { nil: null }),
			s: stamp,
			b: stamp,
			f: stamp
		})
		.map(({ s, b, f, ...m }): MarkRecord => ({
			...m,
			track: 'facts',
			// Every field stamped: what sync sends once marks are stamped on every change.
			changedAt: {
				suspended: s ?? at(0).toISOString(),
				buriedUntil: b ?? at(0).toISOString(),
				flag: f ?? at(0).toISOString()
			}
		}));
	const side = fc.array(mark, { maxLength: 4 });
	const sorted = (marks: Map<string, MarkRecord>) =>
		[...marks.values()]
			.sort((p, q) => p.id.localeCompare(q.id))
			.map(({ id, suspended, buriedUntil, flag }) => ({ id, suspended, buriedUntil, flag }));

	it('is commutative, associative and idempotent', () => {
		fc.assert(
			fc.property(side, side, side, (x, y, z) => {
				expect(sorted(mergeMarks(x, y))).toEqual(sorted(mergeMarks(y, x)));
				const xy = [...mergeMarks(x, y).values()];
				const yz = [...mergeMarks(y, z).values()];
				expect(sorted(mergeMarks(xy, z))).toEqual(sorted(mergeMarks(x, yz)));
				expect(sorted(mergeMarks(x, x))).toEqual(sorted(mergeMarks(x)));
			})
		);
	});
});
