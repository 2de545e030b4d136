import { hostView } from '$lib/classroom/views';
import { requireHost } from '$lib/server/classroom';
import { joinLink, qrDataUrl } from '$lib/server/classroom/join-link';
import type { PageServerLoad } from './$types';

/** The projector: only for the browser holding the host's secret. */
export const load: PageServerLoad = async (event) => {
	const { params, url } = event;
	const { state, cards, article } = await requireHost(event, params.code);
	const link = joinLink(url, params.code);
	return {
		code: params.code,
		article,
		view: hostView(state, cards),
		serverNow: Date.now(),
		link,
		qr: qrDataUrl(link.direct)
	};
};
