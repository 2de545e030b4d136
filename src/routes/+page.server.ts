import { summarize } from '$lib/content/summary';
import { getArticles } from '$lib/server/content';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ articles: getArticles().map(summarize) });
