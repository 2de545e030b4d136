/**
 * `npm run bench`: speed figures, printed. Timings on shared machines are noisy, so each figure is
 * a median of several runs and growth is judged by ratios measured in the same run. Each section
 * lives in `scripts/bench/`.
 */
import { join } from 'node:path';
import { readLibrary } from '$lib/server/content-files';
import { benchClassroom } from './bench/classroom';
import { benchReport } from './bench/class-report';
import { benchDeck } from './bench/deck';
import { benchLemmas } from './bench/lemmas';
import { benchSrs } from './bench/srs';

benchDeck(readLibrary(join(import.meta.dirname, '..')));
console.log('');
benchLemmas();
console.log('');
benchSrs();
console.log('');
benchReport();
console.log('');
await benchClassroom();
