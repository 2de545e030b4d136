import { afterEach, describe, expect, it, vi } from 'vitest';
import { Projector } from '../../src/routes/class/[code]/host/projector.svelte';

/** A stand-in for WebAudio that counts the tones started. */
function fakeAudio() {
	const started: number[] = [];
	const node = () => ({
		connect: (next: unknown) => next,
		gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }
	});
	class FakeAudioContext {
		currentTime = 0;
		destination = {};
		createGain = node;
		createOscillator() {
			return {
				...node(),
				frequency: { value: 0 },
				start() {
					started.push(this.frequency.value);
				},
				stop() {}
			};
		}
	}
	vi.stubGlobal('AudioContext', FakeAudioContext);
	return started;
}

const memory = () => {
	const items = new Map<string, string>();
	return {
		getItem: (k: string) => items.get(k) ?? null,
		setItem: (k: string, v: string) => void items.set(k, v)
	};
};

afterEach(() => vi.unstubAllGlobals());

describe("the projector's sound", () => {
	it('is off by default: no tone plays until the teacher turns it on', () => {
		const started = fakeAudio();
		const projector = new Projector(memory());
		expect(projector.sound).toBe(false);
		projector.tone('start');
		projector.tone('reveal');
		expect(started).toEqual([]);
	});

	it('is remembered by the browser once on, and plays a tone at a question and a pair at the reveal', () => {
		const started = fakeAudio();
		const store = memory();
		new Projector(store).sound = true; // turning it on plays one tone, as a check
		const next = new Projector(store);
		expect(next.sound).toBe(true);
		next.tone('start');
		next.tone('reveal');
		expect(started).toHaveLength(1 + 1 + 2);
		next.sound = false;
		expect(new Projector(store).sound).toBe(false);
	});

	it('sounds once per opened question and per reveal, not for a page opened mid-question', () => {
		const started = fakeAudio();
		const store = memory();
		store.setItem('ripasso.projector.sound', 'on');
		const projector = new Projector(store);
		for (const moment of ['question:0', 'question:0', '', 'reveal:0', 'reveal:0', '']) {
			projector.cue(moment);
		}
		// Opened on question 1: its opening is not heard again; the reveal is, once (two notes).
		expect(started).toHaveLength(2);
		projector.cue('question:1');
		expect(started).toHaveLength(3);
	});

	it('never throws: blocked storage, no audio device', () => {
		const blocked = {
			getItem: () => {
				throw new Error('SecurityError');
			},
			setItem: () => {
				throw new Error('QuotaExceededError');
			}
		};
		const projector = new Projector(blocked);
		expect(projector.sound).toBe(false);
		vi.stubGlobal(
			'AudioContext',
			class {
				constructor() {
					throw new Error('NotAllowedError');
				}
			}
		);
		expect(() => (projector.sound = true)).not.toThrow();
		expect(projector.sound).toBe(true);
		expect(() => projector.tone('reveal')).not.toThrow();
	});
});
