import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { addedFactSchema, type AddedFactProblem } from '$lib/deck/added';
import type { EditKind } from '$lib/server/texts/db';
import { cardEditSchema, wordEditSchema, type CardEditProblem } from '$lib/deck/edits';
import { m } from '$lib/paraglide/messages';
import { generatedDeck } from '$lib/server/deck';
import { isOwner, requireText, StorageError, textSlug } from '$lib/server/texts';
import { cachedText } from '$lib/server/texts/cache';
import {
	loadEdits,
	removeEdit,
	saveAddedFact,
	saveCardEdit,
	saveGlossEdit,
	saveWordEdit
} from '$lib/server/texts/edits';
import { reviewPage } from './paging';
import { reviewView } from './view';
import type { Actions, PageServerLoad } from './$types';

/** The text, when this browser added it; a 403 page for anyone else (a student with the link). */
function ownedText(event: Pick<RequestEvent, 'params' | 'cookies'>) {
	const text = requireText(event.params.id!);
	if (!isOwner(event.cookies, text)) error(403, m.texts_review_error_not_owner());
	return text;
}

/** A database failure becomes a 503 page on reading, a message by the form on saving. */
function readOrFail<T>(read: () => T): T {
	try {
		return read();
	} catch (failure) {
		if (failure instanceof StorageError) error(503, m.texts_error_storage_read());
		throw failure;
	}
}

export const load: PageServerLoad = (event) => {
	const text = ownedText(event);
	event.setHeaders({ 'cache-control': 'private, no-store' });
	const slug = textSlug(text.id);
	const view = readOrFail(() => {
		const entry = cachedText(slug)?.entry;
		if (!entry) error(404, m.texts_error_not_found());
		return reviewView(entry.article.sentences, generatedDeck(slug), loadEdits(text.id));
	});
	// A long text's list goes a page at a time (see `./paging`); counts and orphans are the text's.
	const { page, groups, pages } = reviewPage(
		view.groups,
		Number(event.url.searchParams.get('page'))
	);
	return {
		text: { id: text.id, slug, title: text.title },
		counts: view.counts,
		orphans: view.orphans,
		groups,
		page,
		pages
	};
};

const field = (data: FormData, name: string) => {
	const value = data.get(name);
	return typeof value === 'string' ? value : undefined;
};

/** Runs a save; a database that refuses it leaves everything as it was, and the form says so. */
function saving(card: string | undefined, save: () => void) {
	try {
		save();
		return { saved: card ?? null };
	} catch (failure) {
		if (failure instanceof StorageError) {
			return fail(503, { card, message: m.texts_review_error_storage(), problems: [] });
		}
		throw failure;
	}
}

/** The generated card the form names, or a 400 saying it is gone. */
function generatedCard(slug: string, id: string | undefined) {
	return generatedDeck(slug).cards.find((card) => card.id === id && card.track === 'facts');
}

const EMPTY_FIELDS = new Set(['prompt', 'answer']);
const EDIT_KINDS: readonly EditKind[] = ['card', 'gloss', 'word', 'added'];

export const actions: Actions = {
	edit: async (event) => {
		const text = ownedText(event);
		const data = await event.request.formData();
		const id = field(data, 'card');
		const card = readOrFail(() => generatedCard(textSlug(text.id), id));
		if (!card)
			return fail(400, { card: id, message: m.texts_review_error_unknown_card(), problems: [] });
		const values = {
			prompt: field(data, 'prompt'),
			answer: field(data, 'answer'),
			accept: field(data, 'accept'),
			distractors: card.type === 'multiple-choice' ? field(data, 'distractors') : undefined
		};
		const parsed = cardEditSchema.safeParse(values);
		if (!parsed.success) {
			// An empty question or answer is said by its field; anything else the form cannot send.
			const problems = parsed.error.issues.flatMap((issue): CardEditProblem[] => {
				const name = String(issue.path[0]);
				return EMPTY_FIELDS.has(name) && !values[name as 'prompt' | 'answer']?.trim()
					? [{ field: name as 'prompt', code: 'empty' }]
					: [];
			});
			const message = problems.length === 0 ? m.texts_review_error_invalid() : undefined;
			return fail(400, { card: id, values, problems, message });
		}
		let problems: CardEditProblem[] = [];
		const result = saving(id, () => {
			const outcome = saveCardEdit(text.id, card, parsed.data);
			if (!outcome.ok) problems = outcome.problems;
		});
		if (problems.length > 0) return fail(400, { card: id, values, problems });
		return result;
	},
	drop: async (event) => {
		const text = ownedText(event);
		const id = field(await event.request.formData(), 'card');
		const card = readOrFail(() => generatedCard(textSlug(text.id), id));
		if (!card)
			return fail(400, { card: id, message: m.texts_review_error_unknown_card(), problems: [] });
		return saving(id, () => void saveCardEdit(text.id, card, { drop: true }));
	},
	/** A dropped card kept again, or an edited one back as generated: its edit is forgotten. */
	reset: async (event) => {
		const text = ownedText(event);
		const id = field(await event.request.formData(), 'card');
		if (!id) return fail(400, { card: id, message: m.texts_review_error_invalid(), problems: [] });
		return saving(id, () => removeEdit(text.id, 'card', id));
	},
	gloss: async (event) => {
		const text = ownedText(event);
		const data = await event.request.formData();
		const id = field(data, 'entry');
		const gloss = field(data, 'gloss') ?? '';
		const entry = readOrFail(() =>
			generatedDeck(textSlug(text.id)).vocab.find((word) => word.id === id)
		);
		if (!entry || gloss.length > 200) {
			return fail(400, { card: id, message: m.texts_review_error_invalid(), problems: [] });
		}
		return saving(id, () => saveGlossEdit(text.id, entry.id, gloss, entry.gloss));
	},
	forget: async (event) => {
		const text = ownedText(event);
		const data = await event.request.formData();
		const kind = field(data, 'kind');
		const target = field(data, 'target');
		if (!EDIT_KINDS.includes(kind as EditKind) || !target) {
			return fail(400, { card: target, message: m.texts_review_error_invalid(), problems: [] });
		}
		return saving(target, () => removeEdit(text.id, kind as EditKind, target));
	},
	/** A fact on a span of one sentence; refused as a card edit is, with what was typed kept. */
	add: async (event) => {
		const text = ownedText(event);
		const data = await event.request.formData();
		const values = {
			sentence: field(data, 'sentence') ?? '',
			span: field(data, 'span') ?? '',
			kind: field(data, 'kind') ?? 'cloze',
			question: field(data, 'question'),
			accept: field(data, 'accept') ?? '',
			distractors: field(data, 'distractors') ?? ''
		};
		const card = `add:${values.sentence}`;
		const parsed = addedFactSchema.safeParse(values);
		if (!parsed.success) {
			const empty = !values.span.trim();
			return fail(400, {
				card,
				values,
				problems: empty ? [{ field: 'span' as const, code: 'empty' as const }] : [],
				message: empty ? undefined : m.texts_review_error_invalid()
			});
		}
		const sentence = readOrFail(
			() =>
				cachedText(textSlug(text.id))?.entry.article.sentences.find(
					(one) => one.id === parsed.data.sentence && one.role === 'body'
				)?.text
		);
		let problems: AddedFactProblem[] = [];
		const result = saving(card, () => {
			const outcome = saveAddedFact(text.id, sentence, parsed.data);
			if (!outcome.ok) problems = outcome.problems;
		});
		if (problems.length > 0) return fail(400, { card, values, problems });
		return result;
	},
	/** A word dropped (not one to learn) or its lemma and part of speech corrected. */
	word: async (event) => {
		const text = ownedText(event);
		const data = await event.request.formData();
		const id = field(data, 'entry');
		const entry = readOrFail(() =>
			generatedDeck(textSlug(text.id)).vocab.find((word) => word.id === id)
		);
		const parsed = wordEditSchema.safeParse({
			drop: field(data, 'drop') === 'true' || undefined,
			lemma: field(data, 'lemma') || undefined,
			pos: field(data, 'pos') || undefined
		});
		if (!entry || !parsed.success) {
			return fail(400, { card: id, message: m.texts_review_error_invalid(), problems: [] });
		}
		return saving(id, () => saveWordEdit(text.id, entry, parsed.data));
	}
};
