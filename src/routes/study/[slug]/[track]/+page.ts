// Progress lives in the browser (IndexedDB): the study screen renders there.
export const ssr = false;
