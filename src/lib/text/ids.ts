/**
 * Stable identifiers derived from content, so that an id depends only on the thing it names.
 */

/** 32-bit FNV-1a hash of a string's UTF-16 code units; fast, dependency-free, same in Node and browsers. */
export function fnv1a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** Lower-case ASCII slug: accents dropped, everything else that is not a letter or digit becomes `-`. */
export function slugify(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/**
 * Id of a sentence: its first words as a readable slug plus a hash of its whole text.
 * It changes only when the sentence itself changes, never when text around it is edited.
 *
 * @example sentenceId('Quella clausola è già stata testata.') // 'quella-clausola-e-gia-…'
 */
export function sentenceId(text: string, words = 4): string {
	const slug = slugify(text).split('-').slice(0, words).join('-');
	const hash = fnv1a(text.normalize('NFC')).toString(36).padStart(7, '0');
	return slug ? `${slug}-${hash}` : `s-${hash}`;
}
