/**
 * Word lists for telling names apart: titles that announce a person (and give her gender),
 * first names (gender), the head words of organisations, the nouns that announce a title in «».
 */

const words = (text: string) => new Set(text.split(/\s+/u).filter(Boolean));

/** Titles and roles before a person's name, by gender: "la sindaca", "il prof.", "l’assessora". */
export const TITLES: Record<'m' | 'f', ReadonlySet<string>> = {
	f: words(`dott.ssa dottoressa prof.ssa professoressa sig.ra signora sindaca assessora ministra
		presidente direttrice curatrice storica pittrice scrittrice ricercatrice avvocata senatrice
		deputata segretaria consigliera schiacciatrice palleggiatrice allenatrice capitana giocatrice
		atleta campionessa regista attrice cantante giornalista ingegnera architetta portavoce
		entomologa biologa economista imprenditrice amministratrice capogruppo responsabile docente
		coordinatrice conservatrice geologa geriatra pediatra medica primaria fondatrice titolare
		funzionaria dirigente commissaria vicesindaca vicepresidente rettrice preside consulente
		analista astronoma chimica fisica archeologa vulcanologa climatologa sociologa psicologa
		epidemiologa virologa oncologa cardiologa infermiera agronoma veterinaria farmacista
		procuratrice giudice magistrata prefetta questora comandante ambasciatrice autrice editrice
		compositrice poetessa fotografa stilista artigiana orafa studentessa insegnante maestra
		sindacalista attivista portavoce esperta specialista scienziata critica restauratrice
		vincitrice ciclista velocista tecnica guida responsabili`),
	m: words(`dott. dottor dottore prof. professor professore sig. signor signore sindaco assessore
		ministro presidente direttore curatore storico pittore scrittore ricercatore avvocato senatore
		deputato segretario consigliere schiacciatore allenatore capitano giocatore atleta campione
		regista attore cantante giornalista ingegnere architetto portavoce entomologo biologo
		economista imprenditore amministratore capogruppo delegato on. onorevole padre papa cardinale vescovo
		responsabile docente coordinatore conservatore geologo geriatra pediatra medico primario
		fondatore titolare funzionario dirigente commissario vicesindaco vicepresidente rettore
		preside consulente analista astronomo chimico fisico archeologo vulcanologo climatologo
		sociologo psicologo epidemiologo virologo oncologo cardiologo infermiere agronomo veterinario
		farmacista procuratore giudice magistrato prefetto questore comandante ambasciatore autore
		editore compositore poeta fotografo stilista artigiano orafo studente insegnante maestro
		sindacalista attivista esperto specialista scienziato critico restauratore vincitore ciclista
		velocista tecnico parroco sacerdote`)
};

/** First names by gender; a name ending in -a is feminine unless listed here as masculine. */
const MALE = words(`Andrea Luca Nicola Mattia Elia Enea Tobia Gianluca Battista Davide Daniele
	Gabriele Michele Emanuele Raffaele Samuele Giuseppe Simone Pasquale Cesare Ettore Achille
	Giovanni Mario Marco Paolo Franco Carlo Piero Pietro Roberto Stefano Giorgio Matteo Mauro
	Antonio Francesco Alessandro Lorenzo Leonardo Riccardo Tommaso Federico Filippo Giacomo Sergio
	Massimo Fabio Claudio Alberto Enrico Vittorio Luigi Angelo Salvatore Vincenzo Domenico Orazio
	Galileo Bruno Dario Diego Edoardo Fabrizio Gianni Guido Ivan Nino Renato Silvio Ugo Umberto Valerio
	Donald Joe Barack Vladimir Volodymyr Sergey Sergei Xi Kim Emmanuel Olaf Boris Luke Keir Recep`);
const FEMALE = words(`Beatrice Alice Irene Adele Isabelle Rachele Agnese Matilde Ester Noemi
	Nicole Carmen Miriam Ines Giulia Chiara Elena Laura Sara Martina Francesca Paola Silvia Anna
	Maria Giorgia Valentina Federica Alessandra Roberta Cristina Simona Monica Barbara Elisa Marta
	Lucia Caterina Artemisia Ursula Kamala Angela Elly Emma Sofia Aurora Ginevra Greta Viola`);

/** The gender a first name gives, or undefined when it is not a known first name. */
export function firstNameGender(name: string): 'm' | 'f' | undefined {
	if (MALE.has(name)) return 'm';
	if (FEMALE.has(name)) return 'f';
	return undefined;
}

/**
 * The gender a first name most likely gives: a known name's, else "-o" masculine ("Ernesto")
 * and "-a" feminine ("Adelina"); undefined when the ending does not tell.
 */
export function guessGender(name: string): 'm' | 'f' | undefined {
	const known = firstNameGender(name);
	if (known || !/^\p{Lu}\p{Ll}+$/u.test(name)) return known;
	return /o$/u.test(name) ? 'm' : /a$/u.test(name) ? 'f' : undefined;
}

/** True for a known first name (either gender). */
export const isFirstName = (name: string) => MALE.has(name) || FEMALE.has(name);

/** Head words of organisations, with their gender: "la Fondazione Carisbo", "il Comune di Udine". */
export const ORGANISATION_HEADS: ReadonlyMap<string, 'm' | 'f'> = new Map([
	...[
		...words(`Università Fondazione Agenzia Regione Provincia Accademia Corte Lega Unione
		Associazione Federazione Commissione Camera Procura Banca Gallerie Confindustria Croce Chiesa
		Società Cooperativa Azienda Scuola Polizia Guardia Protezione Asl Asp Fiom Cgil Cisl Uil
		Confcommercio Confartigianato Confesercenti Coldiretti Legambiente Giunta`)
	].map((w) => [w, 'f'] as [string, 'm' | 'f']),
	...[
		...words(`Comune Ministero Istituto Politecnico Consiglio Senato Parlamento Governo Tribunale
		Museo Centro Consorzio Gruppo Partito Comitato Dipartimento Ospedale Policlinico Teatro Ordine
		Parco Sindacato Movimento`)
	].map((w) => [w, 'm'] as [string, 'm' | 'f'])
]);

/** Capitalised common words that make a two-word name a title or event, not a person. */
export const NOT_PERSON_WORDS = words(`Guerra Fredda Mondiale Repubblica Regno Impero Chiesa Stato
	Governo Presidente Ministro Piano Trattato Accordo Forze Armata Golfo Mare Oceano Monte Fiume
	Lago Via Piazza Premio Coppa Giochi Nord Sud Est Ovest San Santa Santo Palazzo Pala Champions
	League Italia Serie Doc Volley Capo Isola Punta Valle Baia Rada Parco Riserva Bosco Passo
	Porto Villa Castello Torre Ponte Borgo Libertà Paese Paesi Stato Stati Mar Canale Stretto Lido
	Marina Cima Pizzo Colle Laguna Delta Penisola Riviera Costa Val Torrente Rio Cala Spiaggia
	Stazione Aeroporto Ospedale Galleria Museo Teatro Basilica Duomo Cattedrale Abbazia Tappa
	Giro Tour Festival Salone Fiera Rapporto Osservatorio Edizioni Editore Editrice Casa`);

/**
 * Common nouns that say what the name after them is when it is not a person: "la nave
 * oceanografica Gaia Blu", "il torrente Frodolfo", "la località Cepina".
 */
export const THING_NOUNS = words(`nave navi barca yacht traghetto satellite sonda razzo aereo
	torrente fiume lago monte vulcano ghiacciaio valle passo località frazione quartiere rione
	contrada isola spiaggia via piazza corso viale hotel albergo ristorante locale marchio vino
	cantina uragano ciclone tempesta operazione missione robot varietà vitigno specie razza
	canale golfo stretto baia palazzo villa castello chiesa basilica cappella
	stadio palazzetto teatro cinema museo galleria`);

/** Nouns after which a short text in «» is a name (a journal, a work, a committee). */
export const WORK_NOUNS = words(`rivista giornale quotidiano settimanale mostra quadro dipinto
	opera libro romanzo saggio film serie album canzone spettacolo festival comitato associazione
	movimento progetto programma campagna studio rapporto documento legge decreto piano`);
