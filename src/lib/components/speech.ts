/**
 * Italian speech with the browser's own synthesis (no network, no account). Voices load
 * asynchronously in some browsers, so the lookup waits briefly for them.
 */

/** An Italian voice, or null when the browser has none (listening cards are then skipped). */
export function italianVoice(waitMs = 800): Promise<SpeechSynthesisVoice | null> {
	if (typeof speechSynthesis === 'undefined') return Promise.resolve(null);
	const pick = () =>
		speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith('it')) ?? null;
	const now = pick();
	if (now || speechSynthesis.getVoices().length > 0) return Promise.resolve(now);
	return new Promise((resolve) => {
		const done = () => {
			speechSynthesis.removeEventListener('voiceschanged', done);
			clearTimeout(timer);
			resolve(pick());
		};
		const timer = setTimeout(done, waitMs);
		speechSynthesis.addEventListener('voiceschanged', done);
	});
}

/** Speaks Italian text with the given voice. */
export function speak(text: string, voice: SpeechSynthesisVoice): void {
	speechSynthesis.cancel();
	const utterance = new SpeechSynthesisUtterance(text);
	utterance.voice = voice;
	utterance.lang = voice.lang;
	utterance.rate = 0.9;
	speechSynthesis.speak(utterance);
}
