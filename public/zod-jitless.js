// Loaded by index.html before the app's modules. The server's Content-Security-Policy forbids
// eval (script-src 'self', no 'unsafe-eval'), and zod 4 probes `new Function` when its first
// object schema is created unless `jitless` is set; the probe is caught, but the browser still
// reports it as a CSP violation. zod keeps its configuration on globalThis, so it can be set here,
// before zod's module runs (an import in main.tsx would run after the chunks it depends on).
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
