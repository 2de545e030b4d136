/**
 * Which practice-quiz questions have been answered, and with what.
 *
 * A signed token proves where a visitor is in a quiz, but not that they have not been there
 * before: the URL of an answered question is still in the history, and replaying it would grade a
 * second answer, given after the first one revealed the right answer. No token design prevents
 * that by itself (the server cannot tell a replayed copy from the original), so the server keeps
 * a record: token → the answer given (the result is recomputed from it, grading being pure, and
 * the next token, so a replay gets exactly the same reply).
 *
 * The record is bounded (10,000 answers by default, a few MB at most) and in memory. Forgetting
 * must never reopen a question, so it fails closed: a token is answerable only if the record
 * could still vouch that it was never answered, i.e. it was issued by this process (`epoch`) and
 * after every answer the record has dropped. Tokens issued before a restart, or older than the
 * last 10,000 answers, get a polite "start a new quiz" instead. Finished quizzes still show their
 * score, which needs no record.
 *
 * Dropped in order of answering, not of last use: a replay need not keep an entry alive, and
 * dropping the oldest keeps the "forgotten up to" mark as low as it can be.
 */
import { randomInt } from 'node:crypto';

export const ANSWER_LOG_LIMIT = 10_000;

export interface AnsweredEntry {
	/** What the visitor answered (grading it again gives the same result). */
	given: string;
	/** The token of the next question, issued with that answer. */
	next: string;
	/** The round the question belongs to (the `seq` of its first token). */
	round: number;
	/** Which drawn question it was (its place in the draw, not in the round). */
	position: number;
}

export class AnswerLog {
	/** This process's epoch, written into every token it issues. */
	readonly epoch: number;
	private issued = 0;
	private readonly entries = new Map<number, AnsweredEntry>();
	/** Round → the sequence numbers of its answers, for the review at the end of a round. */
	private readonly rounds = new Map<number, number[]>();
	/** The highest sequence number whose entry was dropped; -1 while nothing was. */
	private forgottenUpTo = -1;

	/**
	 * @param limit how many answers to remember
	 * @param epoch defaults to a random one, so a restarted server never mistakes its
	 *   predecessor's tokens for its own
	 */
	constructor(
		readonly limit = ANSWER_LOG_LIMIT,
		epoch = randomInt(0, 2 ** 32)
	) {
		this.epoch = epoch;
	}

	/** A fresh sequence number for a new token. */
	issue(): number {
		return this.issued++;
	}

	/** What was answered for the token with this epoch and sequence number, if remembered. */
	get(epoch: number, seq: number): AnsweredEntry | undefined {
		return epoch === this.epoch ? this.entries.get(seq) : undefined;
	}

	/**
	 * Whether a token that `get` does not know can be trusted never to have been answered: it
	 * comes from this process and nothing answered after it has been forgotten.
	 */
	vouchesFor(epoch: number, seq: number): boolean {
		return epoch === this.epoch && seq > this.forgottenUpTo && seq < this.issued;
	}

	/**
	 * What was answered in a round, by drawn position: as many of its answers as are still
	 * remembered (a review after a restart knows which questions were missed, from the token,
	 * but no longer what was answered).
	 */
	answersOf(epoch: number, round: number): Map<number, string> {
		const answers = new Map<number, string>();
		if (epoch !== this.epoch) return answers;
		for (const seq of this.rounds.get(round) ?? []) {
			const entry = this.entries.get(seq);
			if (entry) answers.set(entry.position, entry.given);
		}
		return answers;
	}

	/** Records the answer to a token; the caller checked `vouchesFor` first. */
	record(seq: number, entry: AnsweredEntry): void {
		this.entries.set(seq, entry);
		this.rounds.set(entry.round, [...(this.rounds.get(entry.round) ?? []), seq]);
		while (this.entries.size > this.limit) {
			const [oldest] = this.entries.keys();
			const dropped = this.entries.get(oldest)!;
			this.entries.delete(oldest);
			const left = (this.rounds.get(dropped.round) ?? []).filter((s) => s !== oldest);
			if (left.length > 0) this.rounds.set(dropped.round, left);
			else this.rounds.delete(dropped.round);
			this.forgottenUpTo = Math.max(this.forgottenUpTo, oldest);
		}
	}
}
