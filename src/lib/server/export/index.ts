/**
 * What the export routes share: the deck of the articles asked for, and the export request read
 * from a body that may be gzipped (the Settings page compresses the history it sends) and is
 * bounded before and after decompression.
 */
import { gunzipSync } from 'node:zlib';
import type { Deck } from '$lib/deck/deck';
import {
	exportRequestSchema,
	MAX_EXPORT_BYTES,
	MAX_EXPORT_REVIEWS,
	type ExportRequest
} from '$lib/export/history';
import { getArticle } from '$lib/server/content';
import { getDeck } from '$lib/server/deck';

export type ExportProblem = 'bad-request' | 'too-large' | 'unknown-article';

/** A request the export refuses: `status` 400, 404 or 413, `code` for the client. */
export class ExportError extends Error {
	constructor(
		readonly status: 400 | 404 | 413,
		readonly code: ExportProblem,
		message: string
	) {
		super(message);
	}
}

/**
 * The deck of these articles (curated ones or added texts), in the order given.
 *
 * @throws ExportError 404 naming the first slug that is no article
 */
export function exportDeck(slugs: readonly string[]): Deck {
	const decks = [...new Set(slugs)].map((slug) => {
		if (!getArticle(slug)) {
			throw new ExportError(404, 'unknown-article', `There is no article called “${slug}”.`);
		}
		return getDeck(slug);
	});
	return {
		articles: decks.flatMap((deck) => deck.articles),
		cards: decks.flatMap((deck) => deck.cards),
		vocab: decks.flatMap((deck) => deck.vocab)
	};
}

const tooLarge = () =>
	new ExportError(
		413,
		'too-large',
		`The review history is too large to export (at most ${MAX_EXPORT_REVIEWS.toLocaleString('en')} reviews).`
	);

/**
 * Reads an export request: JSON, gzipped when `content-encoding: gzip` says so.
 *
 * @throws ExportError 413 over the size or review limits, 400 for anything else wrong
 */
export async function readExportRequest(request: Request): Promise<ExportRequest> {
	if (Number(request.headers.get('content-length') ?? 0) > MAX_EXPORT_BYTES) throw tooLarge();
	let bytes: Buffer;
	try {
		bytes = Buffer.from(await request.arrayBuffer());
	} catch {
		throw new ExportError(400, 'bad-request', 'The request body could not be read.');
	}
	if (request.headers.get('content-encoding') === 'gzip') {
		try {
			bytes = gunzipSync(bytes, { maxOutputLength: MAX_EXPORT_BYTES });
		} catch (error) {
			if (error instanceof RangeError) throw tooLarge();
			throw new ExportError(400, 'bad-request', 'The request body is not valid gzip.');
		}
	}
	if (bytes.byteLength > MAX_EXPORT_BYTES) throw tooLarge();
	let value: unknown;
	try {
		value = JSON.parse(bytes.toString('utf8'));
	} catch {
		throw new ExportError(400, 'bad-request', 'Expected a JSON body.');
	}
	const parsed = exportRequestSchema.safeParse(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		if (issue.path[0] === 'history' && (issue.code === 'too_big' || issue.code === 'custom')) {
			throw tooLarge();
		}
		throw new ExportError(
			400,
			'bad-request',
			`${issue.path.join('.') || 'body'}: ${issue.message}`
		);
	}
	return parsed.data;
}

/** The refusal as a JSON response. */
export function exportRefusal(error: ExportError): Response {
	return Response.json(
		{ code: error.code, message: error.message },
		{ status: error.status, headers: { 'cache-control': 'no-store' } }
	);
}

/** A file to download. */
export function download(body: BodyInit, name: string, type: string): Response {
	return new Response(body, {
		headers: {
			'content-type': type,
			'content-disposition': `attachment; filename="${name}"`,
			'cache-control': 'no-store'
		}
	});
}
