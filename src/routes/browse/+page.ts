// Progress lives in the browser (IndexedDB): the card browser renders there.
export const ssr = false;
