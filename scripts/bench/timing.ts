/** Timing helpers shared by the benchmarks. */
import { performance } from 'node:perf_hooks';

/** Median time of `runs` runs of `work`, in ms, after `warmups` untimed runs (JIT, Intl data). */
export function median(runs: number, work: () => unknown, warmups = 0): number {
	for (let i = 0; i < warmups; i++) work();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		work();
		times.push(performance.now() - start);
	}
	return medianOf(times);
}

/** The middle value of `values` (the upper one of the two middle values when their count is even). */
export function medianOf(values: readonly number[]): number {
	return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The `p`th percentile (0–100, nearest rank) of `values`; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
