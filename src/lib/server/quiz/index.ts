/**
 * The app's one practice-quiz service: one key, one record of answers per server process.
 */
import { getSecret } from '../secret';
import { PracticeQuiz } from './session';

let quiz: PracticeQuiz | undefined;

export function getPracticeQuiz(): PracticeQuiz {
	quiz ??= new PracticeQuiz(getSecret());
	return quiz;
}
