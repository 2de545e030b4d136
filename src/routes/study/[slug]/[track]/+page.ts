// Rendered on the server too, so an unknown article or track answers a real 404 (a page that is
// only rendered in the browser is always sent as a 200 shell). Progress still lives in the
// browser (IndexedDB): the page opens it once it runs there (`onMount` in +page.svelte), and the
// server sends the heading and "Loading…".
export const ssr = true;
