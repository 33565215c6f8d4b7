// Starts the page's WebAssembly. A file of its own, not an inline script, so that the page's
// Content-Security-Policy (index.html) can forbid inline scripts. Trunk writes the hashed names
// of the bindings and the module into this script's element (Trunk.toml, pattern_script).
//
// The analysis worker starts first, so that its download and compilation run beside the page's
// own instead of after them: the first report (the example's, on a first visit) no longer waits
// for both in turn. What it says before the page listens is kept for the page, which adopts it
// (src/web/worker.rs, `Running::spawn`).
const early = { worker: new Worker("./wiretrace-worker_loader.js"), messages: [], failed: false };
early.worker.onmessage = (event) => early.messages.push(event.data);
early.worker.onerror = () => { early.failed = true; };
globalThis.wiretraceEarlyWorker = early;
const { js, wasm } = document.querySelector("script[data-wasm]").dataset;
const { default: init } = await import(js);
await init({ module_or_path: wasm });
