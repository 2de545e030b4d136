import { qrDataUrl } from '$lib/server/classroom/join-link';
import { isOwner, rememberOpened, requireText, shareLink, textSlug } from '$lib/server/texts';
import type { PageServerLoad } from './$types';

/** A text's own page: its share link, and for its owner the way to delete it. */
export const load: PageServerLoad = (event) => {
	const text = requireText(event.params.id);
	const owner = isOwner(event.cookies, text);
	// Someone who came by the share link finds the text on their home page from now on.
	if (!owner) rememberOpened(event, text.id);
	event.setHeaders({ 'cache-control': 'private, no-store' });
	const share = shareLink(event.url, text.id);
	const { id, title, author, sourceUrl, words, createdAt } = text;
	return {
		text: { id, slug: textSlug(id), title, author, sourceUrl, words, createdAt },
		owner,
		share,
		qr: qrDataUrl(share)
	};
};
