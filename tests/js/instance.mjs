// The built package required with a handle on its module instance's memory
// (the package does not export it), for tests that read the memory's size.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The package at `path` (relative to tests/js/) and its `WebAssembly.Memory`. */
export function withMemory(path) {
  const instances = [];
  const RealInstance = WebAssembly.Instance;
  WebAssembly.Instance = new Proxy(RealInstance, {
    construct(target, args, newTarget) {
      const inst = Reflect.construct(target, args, newTarget);
      instances.push(inst);
      return inst;
    },
  });
  try {
    const m = require(path);
    const memory = instances.map((i) => i.exports.memory).find((x) => x instanceof WebAssembly.Memory);
    return { m, memory };
  } finally {
    WebAssembly.Instance = RealInstance;
  }
}
