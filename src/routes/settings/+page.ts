// Settings and progress live in the browser (IndexedDB): this page renders there.
export const ssr = false;
