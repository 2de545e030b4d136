/**
 * Fits FSRS parameters with fsrs-rs (`@open-spaced-repetition/binding`, its Node build: the WASI
 * one is not on our registry, so the browser sends its log here). Server-only: a native module.
 */
import {
	computeParameters,
	FSRSBinding,
	FSRSBindingItem,
	FSRSBindingReview
} from '@open-spaced-repetition/binding';
import {
	fsrsItems,
	MIN_USABLE,
	type Evaluation,
	type ItemReview,
	type OptimiseRequest,
	type OptimiseResult
} from '$lib/srs/optimise';

/** Too few usable reviews to fit: the count, for the message. */
export class TooFewReviewsError extends Error {
	name = 'TooFewReviewsError';
	constructor(readonly usable: number) {
		super(`${usable} usable reviews; at least ${MIN_USABLE} are needed`);
	}
}

const toBinding = (items: ItemReview[][]) =>
	items.map(
		(reviews) => new FSRSBindingItem(reviews.map((r) => new FSRSBindingReview(r.rating, r.deltaT)))
	);

/** Log loss and RMSE of `parameters` (FSRS's defaults when absent) on `items`. */
function evaluate(items: FSRSBindingItem[], parameters?: number[]): Evaluation {
	const { logLoss, rmseBins } = new FSRSBinding(parameters).evaluate(items);
	return { logLoss, rmse: rmseBins };
}

/**
 * Fits parameters to the reviews (short-term memory on, as our scheduler uses same-day steps) and
 * evaluates FSRS's defaults and the fit on the same reviews.
 * @throws TooFewReviewsError below `MIN_USABLE` usable reviews
 */
export async function fitParameters(request: OptimiseRequest): Promise<OptimiseResult> {
	const items = toBinding(fsrsItems(request.reviews));
	if (items.length < MIN_USABLE) throw new TooFewReviewsError(items.length);
	const parameters = await computeParameters(items, { enableShortTerm: true });
	return {
		parameters,
		usable: items.length,
		before: evaluate(items),
		after: evaluate(items, parameters)
	};
}
