/**
 * The projector's own settings: presentation mode (no site navigation, the whole width, full
 * screen where the browser allows it) and sound, off until the teacher turns it on and then
 * remembered by this browser. Sound is a short WebAudio tone, so no file has to load, and it
 * starts only after a click (a browser refuses audio nobody asked for).
 */
const SOUND_KEY = 'ripasso.projector.sound';

/** The little of `localStorage` the projector needs (injected, so Node tests can pass a map). */
export interface SettingStore {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
}

export class Projector {
	presenting = $state(false);
	#sound = $state(false);
	#store: SettingStore | null;
	#audio: AudioContext | null = null;
	/** The last moment `cue` was told of (none yet: a page opened mid-question stays quiet). */
	#moment: string | null = null;

	constructor(store: SettingStore | null) {
		this.#store = store;
		try {
			this.#sound = store?.getItem(SOUND_KEY) === 'on';
		} catch {
			// Storage blocked (private mode): sound stays off.
		}
	}

	get sound(): boolean {
		return this.#sound;
	}

	set sound(on: boolean) {
		this.#sound = on;
		try {
			this.#store?.setItem(SOUND_KEY, on ? 'on' : 'off');
		} catch {
			// Not remembered, still applied.
		}
		if (on) this.tone('start');
	}

	/** Presentation mode on or off; full screen follows where the browser offers it. */
	async present(on: boolean): Promise<void> {
		this.presenting = on;
		if (typeof document === 'undefined') return;
		try {
			if (on && !document.fullscreenElement) await document.documentElement.requestFullscreen?.();
			if (!on && document.fullscreenElement) await document.exitFullscreen();
		} catch {
			// Refused (an iframe, a kiosk): presentation mode still hides the navigation.
		}
	}

	/** Leaving full screen by Escape (the browser's own key) leaves presentation mode too. */
	fullscreenChanged(): void {
		if (typeof document !== 'undefined' && !document.fullscreenElement) this.presenting = false;
	}

	/**
	 * Tells the projector what the screen shows (`question:2`, `reveal:2`, or '' for anything
	 * else): a new question or reveal sounds its tone, once. The first moment after the page
	 * opens is only noted, so a reload does not beep.
	 */
	cue(moment: string): void {
		const before = this.#moment;
		if (before === moment || (moment === '' && before !== null)) return;
		this.#moment = moment;
		if (before === null || moment === '') return;
		this.tone(moment.startsWith('reveal') ? 'reveal' : 'start');
	}

	/** A short tone: higher when a question opens, a rising pair at the reveal. Never throws. */
	tone(kind: 'start' | 'reveal'): void {
		if (!this.#sound || typeof AudioContext === 'undefined') return;
		try {
			this.#audio ??= new AudioContext();
			const audio = this.#audio;
			const notes = kind === 'start' ? [660] : [523, 784];
			notes.forEach((frequency, i) => {
				const at = audio.currentTime + i * 0.15;
				const oscillator = audio.createOscillator();
				const gain = audio.createGain();
				oscillator.frequency.value = frequency;
				gain.gain.setValueAtTime(0.2, at);
				gain.gain.exponentialRampToValueAtTime(0.001, at + 0.3);
				oscillator.connect(gain).connect(audio.destination);
				oscillator.start(at);
				oscillator.stop(at + 0.3);
			});
		} catch {
			// No audio device: the game goes on silently.
		}
	}
}
