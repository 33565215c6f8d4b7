// Starts the page's WebAssembly. A file of its own, not an inline script, so that the page's
// Content-Security-Policy (index.html) can forbid inline scripts. Trunk writes the hashed names
// of the bindings and the module into this script's element (Trunk.toml, pattern_script).
const { js, wasm } = document.querySelector("script[data-wasm]").dataset;
const { default: init } = await import(js);
await init({ module_or_path: wasm });
