/**
 * The V8 flags the language server process is started with. The VS Code client passes them
 * (client/src/extension.ts); another editor should start `node <flags> dist/server.js --stdio`.
 *
 * A smaller young generation and a slower-growing old generation keep the heap near what the
 * server really holds. V8's defaults (16+ MB semi-spaces, old space growing up to 4× after each
 * full GC) suit short bursts, not a process that re-parses a large file on every keystroke. In the
 * bench, resident memory while editing went from ~190 to ~110 MB on the 1,000-document file and from
 * ~265–300 to ~128 MB on the 25,000-line document; edit latency stayed the same on 1,000 documents
 * (26–38 ms) and rose from ~200 to ~275 ms on the huge single document (more full collections).
 *
 * They cannot be set from inside the process: V8 sizes its heap when the process starts.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4', '--heap-growing-percent=20'];
