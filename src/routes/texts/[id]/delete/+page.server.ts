import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { deleteText, isOwner, requireText, StorageError } from '$lib/server/texts';
import type { Actions, PageServerLoad } from './$types';

/** Asks before deleting: only the browser that added the text gets this far. */
export const load: PageServerLoad = ({ params, cookies }) => {
	const text = requireText(params.id);
	if (!isOwner(cookies, text)) error(403, m.texts_error_not_owner());
	return { text: { id: text.id, title: text.title } };
};

export const actions: Actions = {
	default: async (event) => {
		const { params } = event;
		requireText(params.id);
		let outcome: Awaited<ReturnType<typeof deleteText>>;
		try {
			outcome = await deleteText(event, params.id);
		} catch (failure) {
			if (failure instanceof StorageError)
				return fail(503, { message: m.texts_error_storage_delete() });
			throw failure;
		}
		if (outcome === 'not-owner') error(403, m.texts_error_not_owner());
		if (outcome === 'unknown') error(404, m.texts_error_not_found());
		redirect(303, '/');
	}
};
