import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		adapter: adapter(),
		// Content-Security-Policy of every page. SvelteKit adds a nonce for its start-up script
		// (a hash on prerendered pages, where `frame-ancestors` cannot be sent: there are none
		// today). No inline script runs without it, nor any script or style from another site.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// Svelte writes `style:` directives into the server-rendered HTML as style attributes
				// (the reader's text size, the chart bars, the answer bars on the projector) and does
				// not set them again when the page starts, so blocking them would break those pages.
				// Attributes cannot load anything `img-src` does not allow; <style> elements and
				// stylesheets from elsewhere stay blocked.
				'style-src-attr': ['unsafe-inline'],
				// The join QR code is a data: URL made on the server.
				'img-src': ['self', 'data:'],
				// The live quiz's EventSource and the answers' fetch go to this server only.
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				// The projector screen and the student pages cannot be framed by another site.
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
