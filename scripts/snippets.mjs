// Writes the module's own JS (js/tape.js) into a wasm-bindgen glue, in place of
// its import of snippets/: wasm-bindgen leaves the file there as an ES module,
// which the CommonJS glue could not require, and a glue with it inside stays
// one file. Used by pkg-files.mjs and, for the boundary build, by bench.sh:
//   node scripts/snippets.mjs <dir with cadence_engine.js and snippets/>
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TAPE = readFileSync(new URL('../js/tape.js', import.meta.url), 'utf8').replace(/^export function /gm, 'function ');

/** `text` (the glue `file`) with js/tape.js in place of its import; removes `dir`/snippets. */
export function inlineSnippets(file, text, dir) {
  const line = /^.*snippets\/cadence-engine-[0-9a-f]+\/js\/tape\.js.*\n/m.exec(text);
  if (!line) throw new Error(`${file}: no import of js/tape.js (has the wasm-bindgen output changed?)`);
  if (!/\{ (decodeTape|firstLost|stringifyLenient)(, (decodeTape|firstLost|stringifyLenient))* \}/.test(line[0])) throw new Error(`${file}: js/tape.js is imported as ${line[0].trim()}`);
  rmSync(join(dir, 'snippets'), { recursive: true });
  return text.replace(line[0], `// js/tape.js\n${TAPE}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  const file = join(dir, 'cadence_engine.js');
  writeFileSync(file, inlineSnippets(file, readFileSync(file, 'utf8'), dir));
}
