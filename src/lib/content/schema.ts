import { z } from 'zod';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { ArticleMeta } from './types';

/** A problem in a content file, named precisely enough to fix it without reading the code. */
export class ContentError extends Error {
	constructor(
		readonly file: string,
		readonly detail: string
	) {
		super(`${file}: ${detail}`);
		this.name = 'ContentError';
	}
}

/**
 * Parses YAML from a content file; a syntax error becomes a ContentError naming the file.
 *
 * @param what how the message names the YAML ("front matter" inside an article)
 */
export function readYaml(file: string, raw: string, what = ''): unknown {
	try {
		return parseYaml(raw);
	} catch (error) {
		const reason = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
		throw new ContentError(file, `${what ? `${what} is ` : ''}not valid YAML: ${reason}`);
	}
}

/** Checks data against a schema; the first problem becomes a ContentError naming the field. */
export function checkYaml<T>(file: string, data: unknown, schema: z.ZodType<T>): T {
	const result = schema.safeParse(data);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	throw new ContentError(file, `field "${issue.path.join('.')}": ${issue.message}`);
}

export const articleMetaSchema = z
	.object({
		title: z.string().trim().min(1),
		author: z.string().trim().min(1),
		affiliation: z.string().trim().min(1).optional(),
		language: z.literal('it'),
		description: z.string().trim().min(10).max(300)
	})
	.strict();

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/**
 * Splits a Markdown file into validated front matter and its body. The body is returned exactly
 * as written, byte for byte, because every span in the app points into it.
 *
 * @throws ContentError naming the file and the field at fault
 */
export function parseFrontMatter(file: string, raw: string): { meta: ArticleMeta; body: string } {
	const match = FRONT_MATTER.exec(raw);
	if (!match)
		throw new ContentError(file, 'missing front matter: the file must start with a "---" block');
	const data = readYaml(file, match[1], 'front matter');
	const result = articleMetaSchema.safeParse(data ?? {});
	if (!result.success) {
		const issue = result.error.issues[0];
		const field = issue.path.length > 0 ? issue.path.join('.') : '(front matter)';
		const unknown = issue.code === 'unrecognized_keys' ? `: ${issue.keys.join(', ')}` : '';
		throw new ContentError(file, `front matter field "${field}": ${issue.message}${unknown}`);
	}
	const body = raw.slice(match[0].length);
	if (body.trim() === '')
		throw new ContentError(file, 'the article has no text after its front matter');
	return { meta: result.data, body };
}
