import { fail, redirect } from '@sveltejs/kit';
import { addText, MAX_TEXTS_PER_OWNER } from '$lib/server/texts';
import {
	addTextSchema,
	decodeFile,
	formIssueCode,
	importText,
	MAX_TEXT_CHARS,
	MAX_WORDS
} from '$lib/text/import';
import { refusalMessage, type Refusal } from './refusals';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ maxWords: MAX_WORDS, maxChars: MAX_TEXT_CHARS });

const field = (form: FormData | null, name: string) => {
	const value = form?.get(name);
	return typeof value === 'string' ? value : '';
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData().catch(() => null);
		const values = {
			text: field(form, 'text'),
			title: field(form, 'title'),
			author: field(form, 'author'),
			sourceUrl: field(form, 'sourceUrl')
		};
		// Every refusal sends back what was typed (and a file's text): nothing is lost.
		const refuse = (status: number, refusal: Refusal) =>
			fail(status, { ...refusal, message: refusalMessage(refusal), values });

		const parsed = addTextSchema.safeParse(values);
		if (!parsed.success) return refuse(400, { code: formIssueCode(parsed.error) });
		let raw = parsed.data.text;
		let markdown: boolean | undefined;
		const file = form?.get('file');
		if (file instanceof File && file.size > 0) {
			const decoded = decodeFile(file.name, new Uint8Array(await file.arrayBuffer()));
			if (!decoded.ok) return refuse(400, { code: decoded.code });
			raw = values.text = decoded.text;
			markdown = /\.(?:md|markdown)$/iu.test(file.name) || undefined;
		}
		const imported = importText(raw, { markdown });
		if (!imported.ok) return refuse(400, { code: imported.code, words: imported.words });

		const { title, author, sourceUrl } = parsed.data;
		const added = addText(event, { imported: imported.text, title, author, sourceUrl });
		if (added.ok) redirect(303, `/read/${added.slug}`);
		if (added.code === 'duplicate') {
			return refuse(409, {
				code: 'duplicate',
				duplicate: { slug: added.slug, title: added.title }
			});
		}
		if (added.code === 'rate-limited') {
			event.setHeaders({ 'retry-after': String(added.retryAfter) });
			return refuse(429, { code: 'rate-limited', retryAfter: added.retryAfter });
		}
		if (added.code === 'too-many-texts') {
			return refuse(403, { code: 'too-many-texts', max: MAX_TEXTS_PER_OWNER });
		}
		return refuse(503, { code: 'storage' });
	}
};
