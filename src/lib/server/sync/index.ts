/**
 * The server's one sync service, opened on first use (pages that never sync open no database),
 * and the request helpers its routes share: the key from `Authorization: Bearer …`, a bounded body
 * checked against its contract, refusals as `{ code, message }`.
 */
import { json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { getCard } from '$lib/server/deck';
import { MAX_PUSH_BYTES, syncKeySchema, type SyncErrorCode } from '$lib/sync/contracts';
import { SyncService, type Outcome } from './service';
import { openSqliteSyncStore } from './sqlite';

let service: SyncService | undefined;

export function getSyncService(): SyncService {
	service ??= new SyncService(openSqliteSyncStore(), (id) => getCard(id) !== undefined);
	return service;
}

const NO_STORE = { 'cache-control': 'no-store' };

export const refusal = (status: number, code: SyncErrorCode, message: string) =>
	json({ code, message }, { status, headers: NO_STORE });

/** The outcome as a response: its value as JSON, or its refusal. */
export function respond<T>(outcome: Outcome<T>, status = 200): Response {
	if (!outcome.ok) {
		const { status: code, error } = outcome.refusal;
		return json(error, { status: code, headers: NO_STORE });
	}
	return json(outcome.value, { status, headers: NO_STORE });
}

/** The sync key a request carries, or a refusal to send. */
export function keyOf(event: RequestEvent): { key: string } | { refused: Response } {
	const header = event.request.headers.get('authorization') ?? '';
	const key = syncKeySchema.safeParse(header.replace(/^Bearer\s+/iu, ''));
	if (!key.success) {
		return {
			refused: refusal(401, 'unknown-key', 'Send the sync key as "Authorization: Bearer <key>".')
		};
	}
	return { key: key.data };
}

/** The body checked against `schema` (at most `MAX_PUSH_BYTES`), or a refusal to send. */
export async function bodyOf<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<{ data: z.infer<S> } | { refused: Response }> {
	const tooLarge = () =>
		refusal(413, 'too-large', `A push takes at most ${MAX_PUSH_BYTES} bytes: send it in parts.`);
	if (Number(request.headers.get('content-length') ?? 0) > MAX_PUSH_BYTES)
		return { refused: tooLarge() };
	const text = await request.text().catch(() => null);
	if (text === null) return { refused: refusal(400, 'bad-request', 'Unreadable body.') };
	if (Buffer.byteLength(text) > MAX_PUSH_BYTES) return { refused: tooLarge() };
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { refused: refusal(400, 'bad-request', 'Expected a JSON body.') };
	}
	const parsed = schema.safeParse(value);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		return { refused: refusal(400, 'bad-request', `${issue.path.join('.')}: ${issue.message}`) };
	}
	return { data: parsed.data };
}
