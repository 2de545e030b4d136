import { describe, expect, it } from 'vitest';
import { partsToLibraryEntry, textToLibraryEntry } from '$lib/deck/input';
import {
	addTextSchema,
	bylineAuthor,
	contentHash,
	countWords,
	decodeFile,
	fallbackTitle,
	formIssueCode,
	importText,
	MAX_FILE_BYTES,
	MAX_TEXT_CHARS,
	MAX_WORDS,
	type ImportedText
} from '$lib/text/import';

const TITLE = 'Riapre la biblioteca civica di Chiavari dopo due anni di lavori';
const PARAGRAPHS = [
	'Dopo due anni di lavori, la biblioteca civica di Chiavari riapre sabato 14 settembre nella sede storica di Palazzo Rocca. Il restauro è costato 2,4 milioni di euro, finanziati per metà dalla Regione Liguria e per metà dal Comune.',
	'La nuova biblioteca occupa tre piani e ospita circa 85.000 volumi, tra cui una raccolta di 1.200 manoscritti del XVII secolo.',
	'«Volevamo un luogo aperto a tutti, non soltanto agli studiosi», ha dichiarato la sindaca Anna Repetto durante la presentazione.'
];

/** The text, or the test fails with the code it was refused with. */
function imported(raw: string, options?: Parameters<typeof importText>[1]): ImportedText {
	const result = importText(raw, options);
	if (!result.ok) throw new Error(`refused: ${result.code}`);
	return result.text;
}

describe('importText: what is pasted becomes clean prose', () => {
	it('takes plain text with a title line and a "Di" byline apart', () => {
		const text = imported([TITLE, 'Di Giulia Ferraris', ...PARAGRAPHS].join('\n\n'));
		expect(text.title).toBe(TITLE);
		expect(text.author).toBe('Giulia Ferraris');
		expect(text.paragraphs).toEqual(PARAGRAPHS);
		expect(text.words).toBe(countWords(PARAGRAPHS.join(' ')));
	});

	it('strips Markdown marks and keeps the words of links and emphasis', () => {
		const markdown = [
			'---',
			'title: Dalla front matter',
			'---',
			`# ${TITLE}`,
			'',
			'*di Giulia Ferraris*'.replace(/\*/g, ''),
			'',
			'Dopo **due anni** di lavori, la [biblioteca civica](https://example.org/b) di _Chiavari_ riapre',
			'sabato 14 settembre nella sede storica di `Palazzo Rocca`. ![foto](x.jpg)',
			'',
			'> Il restauro è costato 2,4 milioni di euro, finanziati per metà dalla Regione Liguria.',
			'',
			'- La nuova biblioteca occupa tre piani e ospita circa 85.000 volumi.',
			'- Al piano terra è nata una sala per i ragazzi con 40 posti a sedere.',
			'',
			'***',
			'',
			'## Le reazioni',
			'',
			'La sindaca Anna Repetto ha parlato di un luogo aperto a tutti.[^1]',
			'',
			'[^1]: Nota della redazione.'
		].join('\n');
		const text = imported(markdown, { markdown: true });
		expect(text.title).toBe('Dalla front matter');
		expect(text.author).toBe('Giulia Ferraris');
		expect(text.paragraphs).toEqual([
			TITLE,
			'Dopo due anni di lavori, la biblioteca civica di Chiavari riapre sabato 14 settembre nella sede storica di Palazzo Rocca.',
			'Il restauro è costato 2,4 milioni di euro, finanziati per metà dalla Regione Liguria.',
			'La nuova biblioteca occupa tre piani e ospita circa 85.000 volumi. Al piano terra è nata una sala per i ragazzi con 40 posti a sedere.',
			'Le reazioni',
			'La sindaca Anna Repetto ha parlato di un luogo aperto a tutti.'
		]);
		expect(text.paragraphs.join(' ')).not.toMatch(/[*_`#>[\]]|https?:|foto/u);
	});

	it('turns a web page pasted as HTML into its paragraphs, entities decoded', () => {
		const html = `<html><head><title>Sito</title><style>p{color:red}</style></head><body>
			<nav><a href="/">Home</a> | <a href="/cultura">Cultura</a></nav>
			<article><h1>${TITLE}</h1><p class="firma">A cura di Luca Bianchi</p>
			<p>Dopo due anni di lavori, la <a href="/b">biblioteca civica</a> di Chiavari riapre sabato&nbsp;14 settembre.</p>
			<p>La sindaca ha parlato di un luogo &laquo;aperto a tutti&raquo; e l&rsquo;assessora ha annunciato orari pi&ugrave; lunghi.<br>Resterà aperta dalle 9 alle 20.</p>
			<script>track("view")</script><p>Condividi</p></article></body></html>`;
		const text = imported(html, { minWords: 5 });
		expect(text.title).toBe(TITLE);
		expect(text.author).toBe('Luca Bianchi');
		expect(text.paragraphs).toEqual([
			'Dopo due anni di lavori, la biblioteca civica di Chiavari riapre sabato 14 settembre.',
			'La sindaca ha parlato di un luogo «aperto a tutti» e l’assessora ha annunciato orari più lunghi. Resterà aperta dalle 9 alle 20.'
		]);
	});

	it('takes one paragraph per line from a word processor, and joins a wrapped line', () => {
		const copied = [
			TITLE,
			'di Giulia Ferraris',
			'Dopo due anni di lavori, la biblioteca civica di Chiavari riapre sabato 14 settembre nella sede storica di',
			'Palazzo Rocca, con una raccolta di 1.200 manoscritti del XVII secolo.',
			'La nuova biblioteca occupa tre piani e ospita circa 85.000 volumi.',
			'© Riproduzione riservata'
		].join('\r\n');
		const text = imported(copied, { minWords: 5 });
		expect(text).toMatchObject({ title: TITLE, author: 'Giulia Ferraris' });
		expect(text.paragraphs).toEqual([
			'Dopo due anni di lavori, la biblioteca civica di Chiavari riapre sabato 14 settembre nella sede storica di Palazzo Rocca, con una raccolta di 1.200 manoscritti del XVII secolo.',
			'La nuova biblioteca occupa tre piani e ospita circa 85.000 volumi.'
		]);
	});

	it('collapses spaces and drops invisible characters a web page leaves', () => {
		const text = imported(
			`  Dopo\u00a0due  anni\tdi lavori,\u200b la biblio\u00adteca civica di Chiavari riapre  sabato nella sede storica di Palazzo Rocca con tre piani e circa ottantamila volumi per tutti.  `
		);
		expect(text.paragraphs).toEqual([
			'Dopo due anni di lavori, la biblioteca civica di Chiavari riapre sabato nella sede storica di Palazzo Rocca con tre piani e circa ottantamila volumi per tutti.'
		]);
		expect(text.title).toBeUndefined();
	});

	it('finds the byline at the end of the text, as the curated article has it', () => {
		const text = imported([...PARAGRAPHS, 'Di Giulia Ferraris'].join('\n\n'));
		expect(text.author).toBe('Giulia Ferraris');
		expect(text.paragraphs).toEqual(PARAGRAPHS);
	});

	it('keeps dialogue dashes and asterisks of a plain text that is not Markdown', () => {
		const text = imported(
			`- Vieni anche tu alla biblioteca? - chiese Marta alla sorella, che leggeva in cucina.\n- Forse domani, - rispose lei, - oggi devo studiare per l'esame di storia del XVII secolo.`,
			{ minWords: 5 }
		);
		expect(text.paragraphs[0].startsWith('- Vieni')).toBe(true);
	});
});

describe('bylineAuthor', () => {
	it.each([
		['Di Giulia Ferraris', 'Giulia Ferraris'],
		['di Nome Cognome', 'Nome Cognome'],
		['A cura di Luca Bianchi', 'Luca Bianchi'],
		['Di Anna Maria De Santis', 'Anna Maria De Santis'],
		["Di Gianni D'Alessandro", "Gianni D'Alessandro"],
		['Di Luke Coffey, Hudson Institute', 'Luke Coffey'],
		['Di Giulia Ferraris 12 marzo 2024', 'Giulia Ferraris'],
		['DI GIULIA FERRARIS', 'GIULIA FERRARIS']
	])('%s names %s', (line, author) => expect(bylineAuthor(line)).toBe(author));

	it.each([
		'Di questo si parla da anni.',
		'Di Maio ha detto che la biblioteca riapre',
		'Di solito la biblioteca chiude alle 19',
		'Dopo due anni di lavori'
	])('%s is no byline', (line) => expect(bylineAuthor(line)).toBeUndefined());
});

describe('importText: limits and language', () => {
	const sentence =
		'La biblioteca civica di Chiavari riapre dopo due anni di lavori nel centro storico. ';

	it('states the word limit and refuses a text over it, with its count', () => {
		const words = countWords(sentence);
		const long = sentence.repeat(Math.ceil((MAX_WORDS + 1) / words));
		const result = importText(long);
		expect(result).toEqual({ ok: false, code: 'too-long', words: countWords(long) });
		expect(importText(sentence.repeat(Math.floor(MAX_WORDS / words))).ok).toBe(true);
	});

	it('refuses too many characters before reading them, and too few words', () => {
		expect(importText('a'.repeat(MAX_TEXT_CHARS + 1))).toEqual({ ok: false, code: 'too-large' });
		expect(importText('Ciao, come stai?')).toEqual({ ok: false, code: 'too-short', words: 3 });
		expect(importText(' \n\n <p></p> ')).toEqual({ ok: false, code: 'empty' });
	});

	it('refuses English, French and Spanish prose as not Italian', () => {
		const english =
			'The municipal library of Chiavari reopens on Saturday after two years of work. The restoration cost 2.4 million euros and was paid for by the region and the town.';
		const french =
			'La bibliothèque municipale de Chiavari rouvre samedi après deux ans de travaux. La restauration a coûté 2,4 millions d’euros, payés par la région et par la commune.';
		expect(importText(english)).toMatchObject({ ok: false, code: 'not-italian' });
		const spanish =
			'La biblioteca municipal de Chiavari reabre el sábado después de dos años de obras. La restauración costó 2,4 millones de euros, pagados por la región y por el ayuntamiento.';
		expect(importText(french)).toMatchObject({ ok: false, code: 'not-italian' });
		expect(importText(spanish)).toMatchObject({ ok: false, code: 'not-italian' });
	});
});

describe('contentHash: the same text twice is recognised', () => {
	it('does not change with line breaks, spaces or markup around the same prose', () => {
		const plain = imported([TITLE, ...PARAGRAPHS].join('\n\n'));
		const markdown = imported(
			`# ${TITLE}\n\n${PARAGRAPHS.map((p) => p.replace(/ /g, '  ').replace(', ', ',\n')).join('\n\n\n')}`
		);
		const html = imported(`<h1>${TITLE}</h1>${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}`);
		expect(markdown.hash).toBe(plain.hash);
		expect(html.hash).toBe(plain.hash);
		expect(plain.hash).toMatch(/^[0-9a-f]{16}$/u);
	});

	it('changes with a single word of the text', () => {
		expect(contentHash(PARAGRAPHS[0])).not.toBe(
			contentHash(PARAGRAPHS[0].replace('sabato', 'domenica'))
		);
		expect(contentHash('é')).toBe(contentHash('e\u0301'));
	});
});

describe('decodeFile', () => {
	const bytes = (text: string) => new TextEncoder().encode(text);

	it('reads UTF-8 with or without its mark, UTF-16 with one, and Windows-1252', () => {
		expect(decodeFile('a.md', bytes('\ufeffperché'))).toEqual({ ok: true, text: 'perché' });
		expect(decodeFile('a.txt', bytes('perché'))).toEqual({ ok: true, text: 'perché' });
		const utf16 = new Uint8Array([0xff, 0xfe, 0x70, 0, 0xe9, 0]);
		expect(decodeFile('a.txt', utf16)).toEqual({ ok: true, text: 'pé' });
		expect(decodeFile('a.txt', new Uint8Array([0x70, 0x65, 0x72, 0x63, 0x68, 0xe9]))).toEqual({
			ok: true,
			text: 'perché'
		});
	});

	it('refuses other files, binary files and files over the limit', () => {
		expect(decodeFile('a.pdf', bytes('x'))).toEqual({ ok: false, code: 'file-type' });
		expect(decodeFile('a.md', new Uint8Array([0x89, 0x50, 0, 1]))).toEqual({
			ok: false,
			code: 'binary'
		});
		expect(decodeFile('a.md', new Uint8Array(MAX_FILE_BYTES + 1))).toEqual({
			ok: false,
			code: 'file-too-large'
		});
	});
});

describe('addTextSchema', () => {
	const form = { text: 'testo', title: '', author: '', sourceUrl: '' };

	it('takes optional fields trimmed and an http(s) source', () => {
		const parsed = addTextSchema.parse({
			...form,
			title: '  Titolo  ',
			sourceUrl: ' https://www.example.org/articolo?id=3 '
		});
		expect(parsed).toMatchObject({
			title: 'Titolo',
			sourceUrl: 'https://www.example.org/articolo?id=3'
		});
	});

	it.each([
		[{ sourceUrl: 'javascript:alert(1)' }, 'bad-url'],
		[{ sourceUrl: 'www.example.org' }, 'bad-url'],
		[{ title: 'x'.repeat(201) }, 'title-too-long'],
		[{ author: 'x'.repeat(121) }, 'author-too-long'],
		[{ text: 'x'.repeat(MAX_TEXT_CHARS + 1) }, 'too-large']
	])('refuses %o as %s', (change, code) => {
		const parsed = addTextSchema.safeParse({ ...form, ...change });
		expect(parsed.success).toBe(false);
		if (!parsed.success) expect(formIssueCode(parsed.error)).toBe(code);
	});
});

describe('an imported text as an article', () => {
	it('has its title as headline and its byline last: neither is a source of facts', () => {
		const { article } = partsToLibraryEntry('texts/x', 't-x', {
			title: TITLE,
			author: 'Giulia Ferraris',
			paragraphs: PARAGRAPHS
		});
		expect(article.meta).toMatchObject({ title: TITLE, author: 'Giulia Ferraris' });
		expect(article.paragraphs.map((p) => p.role)).toEqual([
			'headline',
			'body',
			'body',
			'body',
			'byline'
		]);
		expect(article.sentences.at(-1)?.text).toBe('Di Giulia Ferraris');
	});

	it('stands in its first words for a missing title, without repeating them as a headline', () => {
		const { article } = partsToLibraryEntry('texts/x', 't-x', {
			title: '',
			author: '',
			paragraphs: PARAGRAPHS
		});
		expect(article.meta.title).toBe(fallbackTitle(PARAGRAPHS));
		expect(article.meta.title).toMatch(/^Dopo due anni di lavori, la biblioteca civica .*…$/u);
		expect(article.paragraphs.every((p) => p.role === 'body')).toBe(true);
	});

	it('is the same for the deck command as for the app', () => {
		const raw = `# ${TITLE}\n\nDi Giulia Ferraris\n\n${PARAGRAPHS.join('\n\n')}`;
		const fromFile = textToLibraryEntry('biblioteca.md', raw, { slug: 't-x' });
		const { title, author, paragraphs } = imported(raw);
		const fromApp = partsToLibraryEntry('biblioteca.md', 't-x', {
			title: title!,
			author: author!,
			paragraphs
		});
		expect(fromFile.article.body).toBe(fromApp.article.body);
		expect(fromFile.article.sentences.map((s) => s.id)).toEqual(
			fromApp.article.sentences.map((s) => s.id)
		);
	});
});
