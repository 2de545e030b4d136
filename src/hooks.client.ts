// Zod's core, where its settings live (some 4 kB compressed), not the schema library: pages that
// validate nothing (a phone in a quiz) need no more of it.
import { config } from 'zod/v4/core';

// The pages' Content-Security-Policy allows no eval (`kit.csp` in svelte.config.js), so Zod
// cannot compile its object parsers with `new Function` and uses its plain ones either way. It
// finds that out by trying once, which the browser blocks and reports as a violation on every
// page that reads stored progress; told up front, it does not try. Schemas read the setting
// when they are made, and this module runs before any page's modules are loaded.
config({ jitless: true });
