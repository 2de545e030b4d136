/**
 * Reading the review log quickly. Reviews are stored with `toISOString()` dates, which compare
 * as strings: parsing 200,000 of them at every page open would cost more than the whole queue.
 */
import type { ReviewLog } from '$lib/srs/scheduler';

/** `toISOString()` form: 24 characters ending in Z (the dates were checked as dates on load). */
const isIsoUtc = (date: string) => date.length === 24 && date.charCodeAt(23) === 90;

/** The reviews made at or after `start` (e.g. today's, for the queue); other date forms parsed. */
export function reviewsSince<T extends Pick<ReviewLog, 'reviewedAt'>>(
	reviews: readonly T[],
	start: Date
): T[] {
	const iso = start.toISOString();
	const at = start.getTime();
	return reviews.filter((r) =>
		isIsoUtc(r.reviewedAt) ? r.reviewedAt >= iso : Date.parse(r.reviewedAt) >= at
	);
}
