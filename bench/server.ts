/**
 * The real language server over stdio, measured from outside as an editor sees it: start to first
 * diagnostics, diagnostics latency after a one-line (incremental) edit, and resident memory.
 * Builds on the test client (test/lsp/lspClient.ts): framing, requests, waiting for notifications.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { LspClient } from '../test/lsp/lspClient.ts';
import { oneLineEdit } from './fixtures.ts';
import { collectGarbage, medianOf, round } from './measure.ts';
import { LineIndex } from '../server/src/core/text.ts';
import { IDLE_MS } from '../server/src/lsp/memory.ts';
import { SERVER_NODE_FLAGS } from '../server/src/processFlags.ts';

/** How long after the reclaim's idle delay the idle RSS is read (the GC itself takes up to ~0.2 s). */
export const PAUSE_MARGIN_MS = 1_500;

/** Resident set size of a process in MB (Linux /proc), or undefined elsewhere. */
export function rssMb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return kb ? round(Number(kb[1]) / 1024, 1) : undefined;
  } catch {
    return undefined;
  }
}

/** Start of a bare Node process to its first output, and its memory: the floor under any server. */
export async function nodeBaseline(): Promise<{ startMs: number; rssMb: number | undefined }> {
  const starts: number[] = [];
  let rss: number | undefined;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-e', 'process.stdout.write("up"); setTimeout(() => {}, 300)'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    starts.push(performance.now() - t0);
    rss = rssMb(child.pid);
    child.kill();
    await new Promise<void>((resolve) => child.once('exit', () => resolve()));
  }
  return { startMs: medianOf(starts), rssMb: rss };
}

export interface ServerFigures {
  startToFirstDiagnosticsMs: number;
  firstDiagnosticsCount: number;
  editLatencyMs: { median: number; p90: number; samples: number };
  rssMbAfterOpen: number | undefined;
  rssMbAfterEdits: number | undefined;
  /** After the user pauses: the server's idle reclaim (lsp/memory.ts) has had its chance to run. */
  rssMbIdle: number | undefined;
  /** The first edit after that pause: what the reclaim costs the next keystroke. */
  editAfterIdleMs: number;
  /** Quick fixes for the whole file at once (select all, then Ctrl+.), and how many actions came back. */
  codeActionsWholeFileMs: number;
  codeActionsWholeFile: number;
}

/** What VS Code declares for the features measured here (diagnostics with data, lazily resolved code actions). */
const VSCODE_LIKE_CAPABILITIES = {
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: {
      isPreferredSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
  },
};

/** Spawns the server, opens `text`, then applies `edits` one-line edits, each awaited to its diagnostics. */
export async function measureServer(text: string, edits: number): Promise<ServerFigures> {
  const uri = 'file:///bench/kubeadm-config.yaml';
  const t0 = performance.now();
  // Started as the VS Code client starts it: with the server's V8 flags.
  const client = new LspClient(['--stdio'], process.execPath, SERVER_NODE_FLAGS);
  try {
    await client.initialize({ initializationOptions: { locale: 'en' }, capabilities: VSCODE_LIKE_CAPABILITIES });
    client.open(uri, text);
    const first = await client.diagnostics(uri, 1, 60_000);
    const startToFirstDiagnosticsMs = performance.now() - t0;
    const rssMbAfterOpen = rssMb(client.process.pid);
    let current = text;
    let version = 1;
    /** One one-line incremental edit, timed from sending it to its diagnostics. */
    const timedEdit = async (): Promise<number> => {
      const edit = oneLineEdit(current, version);
      const range = new LineIndex(current).range({ start: edit.offset, end: edit.offset + edit.removed });
      version++;
      // As in `measure`: collect this process's garbage first, so its pauses are not counted as the server's.
      collectGarbage();
      const t1 = performance.now();
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: edit.inserted }] });
      await client.diagnostics(uri, version, 60_000);
      current = edit.text;
      return performance.now() - t1;
    };
    const latencies: number[] = [];
    for (let i = 0; i < edits; i++) latencies.push(await timedEdit());
    const rssMbAfterEdits = rssMb(client.process.pid);
    // The user pauses: long enough for the server's idle memory reclaim, then types again.
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS + PAUSE_MARGIN_MS));
    const rssMbIdle = rssMb(client.process.pid);
    const editAfterIdleMs = await timedEdit();
    const t3 = performance.now();
    const actions = await client.request<unknown[]>(
      'textDocument/codeAction',
      {
        textDocument: { uri },
        range: new LineIndex(current).range({ start: 0, end: current.length }),
        context: { diagnostics: [] },
      },
      120_000,
    );
    const codeActionsWholeFileMs = performance.now() - t3;
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      startToFirstDiagnosticsMs: round(startToFirstDiagnosticsMs, 1),
      firstDiagnosticsCount: first.diagnostics.length,
      // The first edits also warm the server's JIT: the median is taken over the later half.
      editLatencyMs: {
        median: round(medianOf(latencies.slice(Math.floor(latencies.length / 2))), 1),
        p90: round(sorted[Math.floor(sorted.length * 0.9)] ?? 0, 1),
        samples: latencies.length,
      },
      rssMbAfterOpen,
      rssMbAfterEdits,
      rssMbIdle,
      editAfterIdleMs: round(editAfterIdleMs, 1),
      codeActionsWholeFileMs: round(codeActionsWholeFileMs, 1),
      codeActionsWholeFile: actions.length,
    };
  } finally {
    await client.shutdown();
  }
}
