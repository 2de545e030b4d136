/**
 * `npm run -s optimise -- backup.json`
 *
 * Fits FSRS parameters to the reviews in a Ripasso backup (Settings → Backup → Export) and prints
 * them with the Evaluate figures (log loss and RMSE of FSRS's defaults and of the fit) as JSON.
 * The same rules as Settings → Optimise. Paste `parameters` into a backup's settings to use them.
 * Any problem is one line on stderr and a non-zero exit: 1 for bad input, 2 for bad usage.
 */
import { readFileSync } from 'node:fs';
import { fitParameters, TooFewReviewsError } from '$lib/server/fsrs/fit';
import { toOptimiseRequest } from '$lib/srs/optimise';
import { BackupError, parseBackup } from '$lib/storage/records';

const [file, ...rest] = process.argv.slice(2);
if (!file || rest.length > 0 || file.startsWith('-')) {
	console.error('usage: npm run -s optimise -- BACKUP.json');
	process.exit(2);
}

try {
	const backup = parseBackup(readFileSync(file, 'utf8'));
	const result = await fitParameters(toOptimiseRequest(backup.reviews));
	console.log(JSON.stringify({ reviews: backup.reviews.length, ...result }, null, '\t'));
} catch (error) {
	if (error instanceof BackupError || error instanceof TooFewReviewsError) {
		console.error(`optimise: ${error.message}`);
		process.exit(1);
	}
	if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
		console.error(`optimise: no such file: ${file}`);
		process.exit(1);
	}
	throw error;
}
