/**
 * `npm run build:lemmas` (run by `npm install` and before every build): builds the form → lemma
 * table of the Italian lemmatizer from the Morph-it data shipped on npm.
 *
 * Sources: italian-verbs-dict (6,122 verb paradigms), italian-verbs (avere, essere),
 * morph-it-helper (nouns, adjectives, past participles), italian-words-dict (noun gender),
 * italian-adjectives-dict (adjective forms). Morph-it is by Marco Baroni and Eros Zanchetta
 * (https://docs.sslmit.unibo.it/doku.php?id=resources:morph-it), dual-licensed CC-BY-SA 2.0 and
 * LGPL; the generated table keeps that licence and this attribution in its header.
 *
 * Output: src/lib/server/generated/lemmas.tsv, one line per lower-case form:
 * `form<TAB>lemma POS features<TAB>lemma POS features…` (POS: NOUN ADJ VERB).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getVerbInfo } from 'italian-verbs';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');
const OUT = join(root, 'src/lib/server/generated/lemmas.tsv');

type Paradigm = Record<string, Record<string, Record<string, string> | string>>;
const readJson = <T>(id: string): T => JSON.parse(readFileSync(require.resolve(id), 'utf8')) as T;

const table = new Map<string, Set<string>>();
function add(form: string | undefined, lemma: string, pos: string, features: string): void {
	if (!form || /\s/.test(form)) return;
	const key = form.toLowerCase();
	let set = table.get(key);
	if (!set) table.set(key, (set = new Set()));
	set.add(`${lemma} ${pos} ${features}`);
}

/** Plain gerund by rule: the data's gerund slot holds a clitic form (sostenendosi). */
const IRREGULAR_GERUNDS: Record<string, string> = {
	fare: 'facendo',
	dire: 'dicendo',
	bere: 'bevendo',
	porre: 'ponendo',
	trarre: 'traendo'
};
function gerund(verb: string): string {
	if (IRREGULAR_GERUNDS[verb]) return IRREGULAR_GERUNDS[verb];
	if (verb.endsWith('durre')) return verb.slice(0, -5) + 'ducendo';
	if (verb.endsWith('porre')) return verb.slice(0, -5) + 'ponendo';
	if (verb.endsWith('fare')) return verb.slice(0, -4) + 'facendo';
	if (verb.endsWith('are')) return verb.slice(0, -3) + 'ando';
	return verb.slice(0, -3) + 'endo';
}

/**
 * Past participles the data lacks or gets wrong: it gives only the rare regular one for these
 * (veduto, discututo) or none of the common one (visto, concesso).
 */
const OTHER_PARTICIPLES: Record<string, string> = {
	vedere: 'visto',
	prevedere: 'previsto',
	rivedere: 'rivisto',
	intravedere: 'intravisto',
	provvedere: 'provvisto',
	discutere: 'discusso',
	concedere: 'concesso',
	riflettere: 'riflesso',
	evolvere: 'evoluto',
	devolvere: 'devoluto',
	nuocere: 'nociuto'
};
/** The four forms of a participle (perso → persa, persi, perse), by its masculine singular. */
function participleForms(masculine: string): Record<string, string> {
	const stem = masculine.slice(0, -1);
	return { S: masculine, SF: `${stem}a`, P: `${stem}i`, PF: `${stem}e` };
}

const PERSON: Record<string, string> = {
	S1: '1:s',
	S2: '2:s',
	S3: '3:s',
	P1: '1:p',
	P2: '2:p',
	P3: '3:p'
};
const PARTICIPLE: Record<string, string> = { S: 'm:s', SF: 'f:s', P: 'm:p', PF: 'f:p' };

function addParadigm(verb: string, paradigm: Paradigm): void {
	add(verb, verb, 'VERB', 'inf');
	add(gerund(verb), verb, 'VERB', 'ger');
	const past = paradigm.part?.past;
	// A few paradigms give the masculine singular in all four slots (perso, successo).
	const invariable =
		typeof past === 'object' && past.S === past.SF && past.S === past.P && past.S.endsWith('o');
	const other = OTHER_PARTICIPLES[verb];
	for (const [cell, form] of Object.entries(other ? participleForms(other) : {})) {
		add(form, verb, 'VERB', `part:past:${PARTICIPLE[cell]}`);
	}
	for (const [mood, tenses] of Object.entries(paradigm)) {
		if (mood === 'inf' || mood === 'ger') continue;
		for (const [tense, given] of Object.entries(tenses)) {
			if (typeof given === 'string') continue;
			const cells =
				mood === 'part' && tense === 'past' && invariable ? participleForms(given.S) : given;
			for (const [cell, form] of Object.entries(cells)) {
				const slot = mood === 'part' ? PARTICIPLE[cell] : PERSON[cell];
				if (slot) add(form, verb, 'VERB', `${mood}:${tense}:${slot}`);
			}
		}
	}
}

const verbs = readJson<Record<string, Paradigm>>('italian-verbs-dict/dist/verbs.json');
// Not the two entries that are no infinitive (dimmi, rimontar).
for (const [verb, paradigm] of Object.entries(verbs)) {
	if (/(?:are|ere|ire|rre|rsi)$/u.test(verb)) addParadigm(verb, paradigm);
}
for (const verb of ['avere', 'essere']) addParadigm(verb, getVerbInfo({}, verb) as Paradigm);

// Nouns: form → lemma; gender and plural from italian-words-dict where known.
const nouns = readJson<Record<string, string>>('morph-it-helper/resources_pub/nouns.json');
const words = readJson<Record<string, { G?: string; P?: string }>>(
	'italian-words-dict/dist/words.json'
);
const genderOf = (lemma: string) => {
	const info = words[lemma];
	return info?.G === 'F' ? 'f' : info?.G === 'M' ? 'm' : '?';
};
for (const [form, lemma] of Object.entries(nouns)) {
	const number = form === lemma ? (words[lemma]?.P === lemma ? 's|p' : 's') : 'p';
	// Nouns of both genders in -a (artista, collega): the -e plural is the feminine one.
	const feminine = lemma.endsWith('a') && form.endsWith('e') && form !== words[lemma]?.P;
	add(form, lemma, 'NOUN', `${feminine ? 'f' : genderOf(lemma)}:${number}`);
}
// nouns.json maps a form to one lemma, so a plural that is also another noun's singular is lost
// there (sale: the plural of sala and the singular of sale; parti: of parte and of parto):
// italian-words-dict gives each noun's plural.
for (const [lemma, { P: plural }] of Object.entries(words)) {
	if (!plural || plural === lemma || nouns[plural] === lemma) continue;
	add(plural, lemma, 'NOUN', `${genderOf(lemma)}:p`);
}

// Adjectives: every form of italian-adjectives-dict, then morph-it-helper's form → lemma map.
const adjectives = readJson<Record<string, { MP?: string; FS?: string; FP?: string }>>(
	'italian-adjectives-dict/dist/adjectives.json'
);
const adjectiveForms = readJson<Record<string, [string, boolean]>>(
	'morph-it-helper/resources_pub/adjectives.json'
);
const adjectiveLemmas = new Set([
	...Object.keys(adjectives),
	...Object.values(adjectiveForms).map(([lemma]) => lemma)
]);
/**
 * Gender and number of an adjective form from its ending, for the forms the map gives without
 * them: what agreement with an article needs (grandi: plural, of either gender).
 */
function adjectiveSlot(form: string, lemma: string): string {
	if (lemma.endsWith('e')) return form.endsWith('i') ? 'm|f:p' : form === lemma ? 'm|f:s' : '?';
	const slot: Record<string, string> = { o: 'm:s', a: 'f:s', i: 'm:p', e: 'f:p' };
	return slot[form.at(-1) ?? ''] ?? '?';
}
/**
 * Lemmas of truncated adjectives (gran, bel, buon, san): the full adjective they stand for. Not
 * -e adjectives (social is English, not sociale).
 */
function untruncated(lemma: string): string {
	if (!/[lnr]$/u.test(lemma)) return lemma;
	const full = ['o', 'de', 'lo', 'to']
		.map((end) => lemma + end)
		.find((l) => adjectiveLemmas.has(l));
	return full ?? lemma;
}
/** Comparatives the adjective data leaves out or gets wrong (migliore as its own plural). */
const COMPARATIVES = ['maggiore', 'minore', 'migliore', 'peggiore', 'superiore', 'inferiore'];
for (const [key, forms] of Object.entries(adjectives)) {
	if (COMPARATIVES.includes(key)) continue;
	const lemma = untruncated(key);
	add(key, lemma, 'ADJ', 'm:s');
	add(forms.MP, lemma, 'ADJ', 'm:p');
	add(forms.FS, lemma, 'ADJ', 'f:s');
	add(forms.FP, lemma, 'ADJ', 'f:p');
}
// Only forms the first pass missed: this map also sends past participles to their verb.
for (const [form, [mapped]] of Object.entries(adjectiveForms)) {
	if (form.endsWith('.') || mapped in verbs || mapped === 'essere' || mapped === 'avere') continue;
	const lemma = untruncated(mapped);
	if (COMPARATIVES.includes(lemma)) continue;
	const known = table.get(form.toLowerCase());
	if (![...(known ?? [])].some((analysis) => analysis.startsWith(`${lemma} ADJ `))) {
		add(form, lemma, 'ADJ', lemma === mapped ? adjectiveSlot(form, lemma) : '?');
	}
}

for (const lemma of COMPARATIVES) {
	add(lemma, lemma, 'ADJ', 'm|f:s');
	add(`${lemma.slice(0, -1)}i`, lemma, 'ADJ', 'm|f:p');
}

const header = [
	'# Italian form → lemma table for Ripasso, generated by scripts/build-lemmas.ts: do not edit.',
	'# Derived from Morph-it (Marco Baroni, Eros Zanchetta; https://docs.sslmit.unibo.it/doku.php?id=resources:morph-it)',
	'# through the npm packages italian-verbs-dict, italian-verbs, morph-it-helper, italian-words-dict,',
	'# italian-adjectives-dict. Licence: CC-BY-SA 2.0 / LGPL, as Morph-it.'
];
const lines = [...table]
	.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
	.map(([form, analyses]) => [form, ...analyses].join('\t'));
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, [...header, ...lines].join('\n') + '\n');
console.log(`lemmas: ${lines.length.toLocaleString('en')} forms → ${OUT.slice(root.length + 1)}`);
