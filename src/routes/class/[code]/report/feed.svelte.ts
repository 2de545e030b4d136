/**
 * The teacher's open report, kept up to date without reloading the page. The game's event
 * stream (the projector's view) says that something changed; the report's tables are fetched
 * again (`report.json`) only when the change can alter them (`reportKey`), at most once per
 * `REFRESH_MS` and always ending on the latest. When the game ends, the stream closes.
 */
import { reportKey, type Report } from '$lib/classroom/report';
import type { HostView } from '$lib/classroom/views';

/** Shortest time between two fetches of the report (a class answering at once is one fetch). */
export const REFRESH_MS = 1000;

/** What the feed uses of an `EventSource` (tests hand it a fake one). */
export interface Stream {
	onmessage: ((event: MessageEvent<string>) => void) | null;
	close(): void;
}

/** The report as the page was served: its tables and `reportKey` of the game then. */
export interface Served {
	report: Report;
	key: string | null;
}

export class ReportFeed {
	report = $state.raw<Report>() as Report;
	#code: string;
	#fetch: typeof fetch;
	/** The key of the report shown; undefined when it must be fetched whatever comes next. */
	#key: string | null | undefined;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#loading = false;
	/** A change came while a fetch was on its way: its answer may predate the change. */
	#again = false;
	#lastFetch = -Infinity;
	#stream: Stream | undefined;

	/** @param fetcher injected by tests; the browser's own by default */
	constructor(code: string, served: Served, fetcher: typeof fetch = (...args) => fetch(...args)) {
		this.#code = code;
		this.report = served.report;
		this.#key = served.key;
		this.#fetch = fetcher;
	}

	/** Follows the game's event stream; returns the function that stops (for `$effect`). */
	connect(open: (url: string) => Stream = (url) => new EventSource(url)): () => void {
		const stream = open(`/api/class/${this.#code}/events`);
		stream.onmessage = (event) => this.heard(JSON.parse(event.data) as HostView);
		this.#stream = stream;
		return () => {
			stream.close();
			clearTimeout(this.#timer);
			this.#timer = undefined;
		};
	}

	/** A view from the stream: the report is fetched again if it may have changed. */
	heard(view: HostView): void {
		// Nothing changes once the game is over: the last fetch (if any) still comes.
		if (view.phase === 'finished') this.#stream?.close();
		const key = reportKey(view);
		if (key !== null && key === this.#key) return;
		this.#key = key;
		this.#schedule();
	}

	#schedule(): void {
		if (this.#loading) {
			this.#again = true;
			return;
		}
		if (this.#timer !== undefined) return; // the fetch already planned brings the latest
		const wait = Math.max(0, this.#lastFetch + REFRESH_MS - Date.now());
		this.#timer = setTimeout(() => {
			this.#timer = undefined;
			void this.#refresh();
		}, wait);
	}

	async #refresh(): Promise<void> {
		this.#loading = true;
		this.#again = false;
		this.#lastFetch = Date.now();
		try {
			const response = await this.#fetch(`/class/${this.#code}/report.json`);
			if (!response.ok) throw new Error(`report.json: ${response.status}`);
			this.report = (await response.json()) as Report;
		} catch {
			// The tables stay as they were; the next message fetches again, whatever it says.
			this.#key = undefined;
		} finally {
			this.#loading = false;
			if (this.#again) this.#schedule();
		}
	}
}
