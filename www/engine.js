// The page's side of engine-worker.js: each call returns a promise of the
// worker's answer; errors come back as real Errors with the engine's message.
export class Engine {
  constructor() {
    this.worker = new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module' });
    // Warms the engine's code up on another core meanwhile (see warm-worker.js);
    // it is ended once done, and a failure there changes nothing here
    // (<html data-warm> says which: "done" or "failed").
    const warm = new Worker(new URL('./warm-worker.js', import.meta.url), { type: 'module' });
    const ended = (how) => {
      document.documentElement.dataset.warm = how;
      warm.terminate();
    };
    warm.onmessage = () => ended('done');
    warm.onerror = (e) => {
      e.preventDefault();
      ended('failed');
    };
    this.nextId = 1;
    this.pending = new Map();
    this.onProgress = () => {};
    this.ready = new Promise((resolve, reject) => {
      this.worker.addEventListener('error', (e) => reject(new Error(`the engine failed to load: ${e.message || 'see the network panel'}`)));
      this.worker.addEventListener('message', (e) => {
        const m = e.data;
        if (m.ready) return resolve();
        const p = this.pending.get(m.id);
        if (!p) return;
        if (m.progress) return this.onProgress(m.progress);
        this.pending.delete(m.id);
        if (m.error) {
          const err = new Error(m.error.message);
          err.path = m.error.path;
          if (m.error.errors) err.errors = m.error.errors;
          p.reject(err);
        } else p.resolve(m.result);
      });
    });
  }

  async call(type, payload) {
    await this.ready;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, type, payload });
    });
  }
}
