// Progress lives in the browser (IndexedDB): the statistics render there.
export const ssr = false;
