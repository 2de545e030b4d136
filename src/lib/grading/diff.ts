/**
 * Character diff between what the learner typed and the expected answer, to show what differed.
 */

/** `delete`: typed but not expected; `insert`: expected but missing from what was typed. */
export interface DiffPart {
	op: 'equal' | 'insert' | 'delete';
	text: string;
}

/** Answers are short; beyond this the quadratic table is not worth it for a display hint. */
const MAX_CHARS = 200;

/** Joins neighbours with the same op, and puts deletes before inserts within each changed stretch. */
function tidy(parts: DiffPart[]): DiffPart[] {
	const out: DiffPart[] = [];
	let deleted = '';
	let inserted = '';
	const push = (op: DiffPart['op'], text: string) => {
		const last = out[out.length - 1];
		if (!text) return;
		if (last?.op === op) last.text += text;
		else out.push({ op, text });
	};
	const flush = () => {
		push('delete', deleted);
		push('insert', inserted);
		[deleted, inserted] = ['', ''];
	};
	for (const part of parts) {
		if (part.op === 'delete') deleted += part.text;
		else if (part.op === 'insert') inserted += part.text;
		else {
			flush();
			push('equal', part.text);
		}
	}
	flush();
	return out;
}

/**
 * A minimal character diff (longest common subsequence) of `given` against `expected`, by code
 * point so that emoji and accented letters are never split. Equal and delete parts concatenate to
 * `given`; equal and insert parts to `expected`. Inputs longer than 200 characters get a single
 * delete and insert.
 *
 * @example diffChars('Lavorv', 'Lavrov') // Lav, -o, r, +o, v
 */
export function diffChars(given: string, expected: string): DiffPart[] {
	const a = Array.from(given);
	const b = Array.from(expected);
	if (a.length > MAX_CHARS || b.length > MAX_CHARS) {
		return tidy([
			{ op: 'delete', text: given },
			{ op: 'insert', text: expected }
		]);
	}
	const width = b.length + 1;
	// lcs[i * width + j]: length of the longest common subsequence of a[i..] and b[j..].
	const lcs = new Uint16Array((a.length + 1) * width);
	for (let i = a.length - 1; i >= 0; i--) {
		for (let j = b.length - 1; j >= 0; j--) {
			lcs[i * width + j] =
				a[i] === b[j]
					? lcs[(i + 1) * width + j + 1] + 1
					: Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
		}
	}
	const parts: DiffPart[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length || j < b.length) {
		if (i < a.length && j < b.length && a[i] === b[j]) {
			parts.push({ op: 'equal', text: a[i] });
			[i, j] = [i + 1, j + 1];
		} else if (
			j >= b.length ||
			(i < a.length && lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])
		) {
			parts.push({ op: 'delete', text: a[i++] });
		} else {
			parts.push({ op: 'insert', text: b[j++] });
		}
	}
	return tidy(parts);
}
