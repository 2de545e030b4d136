import { describe, expect, it } from 'vitest';
import { findEntities, type Entity } from '$lib/autogen/entities';
import { tagTokens } from '$lib/autogen/pos';
import { findPlace } from '$lib/autogen/places';
import { bodyText } from '$lib/autogen/text';
import { buildArticle } from '$lib/content/article';

const meta = { title: '', author: '', language: 'it' as const, description: '' };

/** The entities of a text of one or more paragraphs, flattened. */
function entities(text: string): Entity[] {
	const article = buildArticle('inline', 'prova', meta, text);
	const body = bodyText(article);
	const tags = body.sentences.map((s) => tagTokens(s.tokens));
	return findEntities(body.sentences, tags).flat();
}
const kinds = (text: string) => entities(text).map((e) => `${e.kind}:${e.text}`);

describe('entity spans', () => {
	it('keeps multi-word names whole: regions, universities, agencies, courts', () => {
		expect(
			kinds('I lavori sono stati pagati dalla Regione Friuli Venezia Giulia e dai comuni.')
		).toEqual(['org:Regione Friuli Venezia Giulia']);
		expect(kinds('I fondi arrivano dal Friuli Venezia Giulia e dal Veneto.')).toEqual([
			'place:Friuli Venezia Giulia',
			'place:Veneto'
		]);
		expect(kinds('È uno studio dell’Università di Padova pubblicato ieri.')).toEqual([
			'org:Università di Padova'
		]);
		expect(
			kinds(
				'Il comitato chiede un controllo dell’Agenzia regionale per la protezione dell’ambiente.'
			)
		).toEqual(['org:Agenzia regionale per la protezione dell’ambiente']);
		expect(kinds('Il consigliere ha chiesto che la Corte dei conti verifichi le spese.')).toContain(
			'org:Corte dei conti'
		);
	});

	it('types acronyms as organisations and names in «» after a naming noun as works', () => {
		expect(
			kinds('Lo studio è stato svolto con il CNR e con l’ISPRA, e la FIOM-CGIL protesta.')
		).toEqual(['org:CNR', 'org:ISPRA', 'org:FIOM-CGIL']);
		expect(kinds('Lo studio è uscito sulla rivista «Nature Ecology» a marzo.')).toEqual([
			'work:Nature Ecology'
		]);
		// A quotation is not a name.
		expect(
			kinds('La sindaca ha detto: «Per noi è come una seconda inaugurazione del paese».')
		).toEqual([]);
	});

	it('finds Italian comuni from the place data, and never a sentence-initial common word', () => {
		expect(findPlace('Povoletto')).toMatchObject({
			kind: 'city',
			italian: true,
			province: 'Udine'
		});
		expect(kinds('Intanto i commercianti di Povoletto festeggiano.')).toEqual(['place:Povoletto']);
		expect(findPlace('Marche')).toMatchObject({ gender: 'f', plural: true });
	});

	it('recognises people with their title and gender, and the same person by surname', () => {
		const found = entities(
			'La sindaca di Povoletto, Chiara Bortolin, ha tagliato il nastro.\n\nIl progetto è del prof. Paolo Venier.\n\nIl capitano di Scandicci, Elena Pietrini, protesta. Secondo Bortolin il ponte è sicuro.'
		);
		const people = found.filter((e) => e.kind === 'person').map((e) => [e.text, e.gender]);
		expect(people).toEqual([
			['Chiara Bortolin', 'f'],
			['Paolo Venier', 'm'],
			['Elena Pietrini', 'f'], // the first name wins over "il capitano"
			['Bortolin', 'f']
		]);
		expect(found.find((e) => e.text === 'Chiara Bortolin')?.title).toBe('La sindaca di Povoletto');
		expect(found.find((e) => e.text === 'Bortolin')?.full).toBe('Chiara Bortolin');
	});

	it('splits a place from the person after it, and keeps a team named after its town whole', () => {
		expect(kinds('Il leader della Corea del Nord Kim Jong Un ha parlato.')).toEqual([
			'place:Corea del Nord',
			'person:Kim Jong Un'
		]);
		expect(kinds('In semifinale Conegliano aveva eliminato il Vero Volley Milano.')).toEqual([
			'place:Conegliano',
			'org:Vero Volley Milano'
		]);
	});
});

describe('the body of a text', () => {
	it('leaves out the headline and a "Di Nome Cognome" byline, and names the author', () => {
		const article = buildArticle(
			'inline',
			'prova',
			{ ...meta, title: 'Riapre il ponte' },
			'Riapre il ponte\n\nDi Giulia Marchetti\n\nIl ponte di Salt è stato riaperto sabato dopo due anni di lavori.'
		);
		const body = bodyText(article);
		expect(body.sentences.map((s) => s.text)).toEqual([
			'Il ponte di Salt è stato riaperto sabato dopo due anni di lavori.'
		]);
		expect(body.authors).toContain('Giulia Marchetti');
		expect(body.words).toBe(13);
	});

	it('types a name by the noun before it, and keeps an acronym with its whole name', () => {
		expect(
			kinds('Le immagini sono state raccolte a bordo della nave oceanografica Gaia Blu.')
		).toEqual(['name:Gaia Blu']);
		expect(kinds('Un ponte permetterà di attraversare il torrente Frodolfo a piedi.')).toEqual([
			'name:Frodolfo'
		]);
		expect(kinds('Le scoperte sono state fatte nel Mar Ionio e nel Golfo del Leone.')).toEqual([
			'name:Mar Ionio',
			'name:Golfo del Leone'
		]);
		expect(
			kinds(
				'La zona sarà protetta dalla Commissione generale per la pesca nel Mediterraneo (CGPM) entro un anno.'
			)
		).toEqual(['org:Commissione generale per la pesca nel Mediterraneo (CGPM)']);
		expect(
			kinds(
				'Lo studio è stato fatto con l’Istituto francese di ricerca per lo sfruttamento del mare (Ifremer) in primavera.'
			)
		).toEqual(['org:Istituto francese di ricerca per lo sfruttamento del mare (Ifremer)']);
	});

	it('reads a list after "nelle province di" as provinces, "Pesaro e Urbino" as one', () => {
		const found = entities(
			'I bus serviranno le province di Ancona, Macerata e Pesaro e Urbino dal prossimo anno.'
		);
		expect(found.map((e) => `${e.kind}:${e.text}:${e.province ?? false}`)).toEqual([
			'place:Ancona:true',
			'place:Macerata:true',
			'place:Pesaro e Urbino:true'
		]);
		expect(findPlace('Macerata')?.region).toBe('Marche');
	});

	it('keeps a name and its acronym whole across "e", a region or a name inside it', () => {
		expect(
			kinds(
				'Secondo l’Agenzia regionale per la prevenzione e protezione ambientale del Veneto (ARPAV) i capannoni sono vuoti.'
			)
		).toEqual([
			'org:Agenzia regionale per la prevenzione e protezione ambientale del Veneto (ARPAV)'
		]);
		expect(
			kinds(
				'Il rapporto è stato pubblicato insieme alle agenzie regionali del Sistema nazionale per la protezione dell’ambiente (SNPA) ieri.'
			)
		).toEqual(['org:Sistema nazionale per la protezione dell’ambiente (SNPA)']);
	});
});

describe('people and what is named after them', () => {
	it('reads a titled surname as the person the text named, not a comune of that name', () => {
		expect(
			kinds(
				'La dirigente è la prof.ssa Caterina Musso. «È una goccia nel mare», commenta la prof.ssa Musso.'
			)
		).toEqual(['person:Caterina Musso', 'person:Musso']);
	});
	it('reads a school named after someone as a name, never as a person who could speak', () => {
		const found = entities('Gli alunni dell’Istituto comprensivo Rosa Balistreri sono 340.');
		expect(found.find((e) => e.text === 'Rosa Balistreri')?.kind).not.toBe('person');
	});
});

describe('an acronym’s expansion', () => {
	it('never reaches back over a verb to a name of another phrase', () => {
		const found = kinds(
			'Un consorzio con sede a Monaco di Baviera ha annunciato ricorso al Tribunale amministrativo regionale (TAR) entro trenta giorni.'
		);
		expect(found.some((k) => k.includes('Monaco') && k.includes('TAR'))).toBe(false);
		const comma = kinds(
			'Un consorzio con sede a Monaco di Baviera, ha annunciato ricorso al Tribunale amministrativo regionale (TAR).'
		);
		expect(comma.some((k) => k.includes('Monaco') && k.includes('TAR'))).toBe(false);
	});
});
