/**
 * The real language server over stdio, measured from outside as an editor sees it: start to first
 * diagnostics, diagnostics latency after a one-line (incremental) edit, and resident memory.
 * Builds on the test client (test/lsp/lspClient.ts): framing, requests, waiting for notifications.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { LspClient } from '../test/lsp/lspClient.ts';
import { oneLineEdit } from './fixtures.ts';
import { medianOf, round } from './measure.ts';

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

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

/** Start of a bare Node process to its first output, and its memory: the floor under any server. */
export async function nodeBaseline(): Promise<{ startMs: number; rssMb: number | undefined }> {
  const starts: number[] = [];
  let rss: number | undefined;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-e', 'process.stdout.write("up"); setTimeout(() => {}, 300)'], { stdio: ['ignore', 'pipe', 'ignore'] });
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
}

/** Spawns the server, opens `text`, then applies `edits` one-line edits, each awaited to its diagnostics. */
export async function measureServer(text: string, edits: number): Promise<ServerFigures> {
  const uri = 'file:///bench/kubeadm-config.yaml';
  const t0 = performance.now();
  const client = new LspClient();
  try {
    await client.initialize({ initializationOptions: { locale: 'en' } });
    client.open(uri, text);
    const first = await client.diagnostics(uri, 1, 60_000);
    const startToFirstDiagnosticsMs = performance.now() - t0;
    const rssMbAfterOpen = rssMb(client.process.pid);
    const latencies: number[] = [];
    let current = text;
    for (let i = 0; i < edits; i++) {
      const version = i + 2;
      const edit = oneLineEdit(current, i);
      const start = positionAt(current, edit.offset);
      const end = positionAt(current, edit.offset + edit.removed);
      const t1 = performance.now();
      client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start, end }, text: edit.inserted }] });
      await client.diagnostics(uri, version, 60_000);
      latencies.push(performance.now() - t1);
      current = edit.text;
    }
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
      rssMbAfterEdits: rssMb(client.process.pid),
    };
  } finally {
    await client.shutdown();
  }
}
