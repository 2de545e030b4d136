/**
 * Sending a phone's answers: one at a time, what was sent kept until the next question, and a
 * refusal told in our own words from the server's error code (never from its English message).
 */
import type { AnswerInput, ApiError } from '$lib/classroom/contracts';
import { m } from '$lib/paraglide/messages';

/**
 * What a phone sends besides the question: the place of an option, or a typed number (the
 * answer contract's own two shapes).
 */
export type Sent = WithoutQuestion<AnswerInput>;
type WithoutQuestion<T> = T extends unknown ? Omit<T, 'questionIndex'> : never;

/** By the server's error code: the words on the phone are ours, whatever the server says. */
const REFUSALS: Partial<Record<ApiError['code'], () => string>> = {
	late: m.class_play_refused_late,
	'already-answered': m.class_play_refused_twice,
	'not-a-question-phase': m.class_play_refused_late,
	'wrong-question': m.class_play_refused_late,
	'invalid-answer': m.class_play_numbers_only,
	storage: m.class_error_storage
};

export class AnswerSender {
	/** What this phone sent, and for which question. */
	sent = $state<{ index: number; answer: Sent } | null>(null);
	sending = $state(false);
	/** Why the last answer was not taken ('' when it was). */
	refusal = $state('');
	#url: string;
	#fetch: typeof fetch;

	/** @param fetcher injected by tests; the browser's own by default */
	constructor(code: string, fetcher: typeof fetch = (...args) => fetch(...args)) {
		this.#url = `/api/class/${code}/answer`;
		this.#fetch = fetcher;
	}

	/** Whether an answer to question `index` was sent (and not refused). */
	sentFor(index: number): boolean {
		return this.sent !== null && this.sent.index === index;
	}

	/** The option this phone chose for question `index`, if any. */
	choiceFor(index: number): number | null {
		const sent = this.sent;
		return sent && sent.index === index && 'choice' in sent.answer ? sent.answer.choice : null;
	}

	async send(index: number, answer: Sent): Promise<void> {
		if (this.sending) return;
		this.sending = true;
		this.refusal = '';
		this.sent = { index, answer };
		try {
			const response = await this.#fetch(this.#url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ questionIndex: index, ...answer })
			});
			if (!response.ok) {
				const { code } = (await response.json().catch(() => ({}))) as Partial<ApiError>;
				this.refusal = (code && REFUSALS[code]?.()) || m.class_play_refused();
				if (code !== 'already-answered') this.sent = null;
			}
		} catch {
			this.refusal = m.class_offline();
			this.sent = null;
		} finally {
			this.sending = false;
		}
	}
}
