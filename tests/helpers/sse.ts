import { expect, type APIRequestContext } from '@playwright/test';

/** The first event of a game's SSE stream (the view at once), read with the client's cookies. */
export async function firstEvent(base: string, code: string, context: APIRequestContext) {
	const cookies = (await context.storageState()).cookies
		.map((cookie) => `${cookie.name}=${cookie.value}`)
		.join('; ');
	const controller = new AbortController();
	const response = await fetch(`${base}/api/class/${code}/events`, {
		headers: { cookie: cookies },
		signal: controller.signal
	});
	expect(response.headers.get('content-type')).toContain('text/event-stream');
	const reader = response.body!.getReader();
	let text = '';
	while (!text.includes('\n\n')) text += new TextDecoder().decode((await reader.read()).value);
	controller.abort();
	return {
		raw: text,
		view: JSON.parse(text.slice(text.indexOf('data: ') + 6, text.indexOf('\n\n')))
	};
}
