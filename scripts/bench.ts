/**
 * `npm run bench`: speed figures, printed. Timings on shared machines are noisy, so each figure is
 * a median of several runs and growth is judged by ratios measured in the same run. Each section
 * lives in `scripts/bench/`.
 */
import { join } from 'node:path';
import { readLexiconFiles, readLibrary } from '$lib/server/content-files';
import { loadLexicon } from '$lib/vocab/lexicon';
import { benchAddToCard } from './bench/add-to-card';
import { benchClassroom } from './bench/classroom';
import { benchReport } from './bench/class-report';
import { benchCompression } from './bench/compression';
import { benchDeck } from './bench/deck';
import { benchGeneration } from './bench/generation';
import { benchLemmas } from './bench/lemmas';
import { benchSrs } from './bench/srs';

const root = join(import.meta.dirname, '..');
const library = readLibrary(root);
benchDeck(library);
console.log('');
benchGeneration(library, loadLexicon(readLexiconFiles(root)));
console.log('');
benchLemmas();
console.log('');
benchSrs();
console.log('');
benchReport();
console.log('');
await benchClassroom();
console.log('');
await benchAddToCard();
console.log('');
await benchCompression();
