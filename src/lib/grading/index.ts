/** Grading of typed answers: one entry point for routes, servers and scripts. */
export { diffChars, type DiffPart } from '$lib/grading/diff';
export type { FormSlip, WordForms } from '$lib/grading/forms';
export {
	grade,
	normalizeAnswer,
	type Feedback,
	type GradeOptions,
	type GradeResult,
	type Verdict
} from '$lib/grading/grade';
export { findNumbers, parseNumber, type NumberMatch } from '$lib/grading/numbers';
