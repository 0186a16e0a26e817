/**
 * A tiny LSP client over stdio for tests: spawns `node dist/server.js --stdio`, frames JSON-RPC with
 * Content-Length headers, answers the server's requests, and lets a test wait for a notification.
 * No fixed sleeps: waits resolve on the message itself; timeouts exist only to fail a hung test.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SERVER_PATH = fileURLToPath(new URL('../../dist/server.js', import.meta.url));

/** A Node 20 on this machine (VS Code's extension host may run one; the bundles target it), if any. */
export const NODE20 = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => {
  try {
    return existsSync(path) && execFileSync(path, ['--version'], { encoding: 'utf8' }).startsWith('v20.');
  } catch {
    return false;
  }
});
const DEFAULT_TIMEOUT_MS = 10_000;

export interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export interface Notification {
  method: string;
  params: any;
}

export interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
  data?: any;
}

export interface PublishDiagnosticsParams {
  uri: string;
  version?: number;
  diagnostics: LspDiagnostic[];
}

type RequestHandler = (params: any) => unknown;

interface Waiter {
  method: string;
  predicate: (params: any) => boolean;
  resolve: (params: any) => void;
}

export class LspClient {
  readonly process: ChildProcessWithoutNullStreams;
  /** Notifications received and not yet consumed by a wait, in arrival order. */
  private readonly inbox: Notification[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly handlers = new Map<string, RequestHandler>();
  /** Received bytes not yet dispatched, and the body length once a header has been read. */
  private chunks: Buffer[] = [];
  private buffered = 0;
  private bodyLength: number | undefined;
  private nextId = 1;
  private exited: Error | undefined;
  /** Requests the server sent to the client, for assertions. */
  readonly serverRequests: Array<{ method: string; params: any }> = [];
  stderr = '';

  /**
   * `nodePath`: the Node that runs the server (default: the one running the tests); `nodeFlags`: options
   * for that Node. `command`: run this executable instead (an installed `kube-proxy-tuner-language-server`).
   */
  constructor(
    args: string[] = ['--stdio'],
    nodePath: string = process.execPath,
    nodeFlags: readonly string[] = [],
    command?: { path: string; env?: NodeJS.ProcessEnv },
  ) {
    this.process = command
      ? spawn(command.path, args, { stdio: ['pipe', 'pipe', 'pipe'], env: command.env ?? process.env })
      : spawn(nodePath, [...nodeFlags, SERVER_PATH, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.process.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.process.on('exit', (code, signal) => {
      this.exited = new Error(`server exited (code ${code}, signal ${signal})${this.stderr ? `: ${this.stderr}` : ''}`);
      for (const { reject } of this.pending.values()) reject(this.exited);
      this.pending.clear();
    });
    // Defaults a real client would provide.
    this.onRequest('client/registerCapability', () => null);
    this.onRequest('client/unregisterCapability', () => null);
    this.onRequest('window/workDoneProgress/create', () => null);
    this.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  }

  onRequest(method: string, handler: RequestHandler): void {
    this.handlers.set(method, handler);
  }

  request<T = unknown>(method: string, params: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    if (this.exited) return Promise.reject(this.exited);
    const id = this.nextId++;
    const response = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    });
    this.send({ jsonrpc: '2.0', id, method, params });
    return withTimeout(response, timeoutMs, `no response to ${method}`);
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first notification `method` (received before or after the call) matching `predicate`, and consumes it. */
  waitForNotification<T = any>(method: string, predicate: (params: T) => boolean = () => true, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    const index = this.inbox.findIndex((message) => message.method === method && predicate(message.params));
    if (index >= 0) return Promise.resolve(this.inbox.splice(index, 1)[0].params as T);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        method,
        predicate,
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params as T);
        },
      };
      const timer = setTimeout(() => {
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) this.waiters.splice(at, 1);
        const received = this.inbox
          .filter((message) => message.method === method)
          .map((message) => JSON.stringify(message.params))
          .join('\n');
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${method}${received ? `; unmatched ones received:\n${received}` : ''}${this.stderr ? `\nserver stderr: ${this.stderr}` : ''}`,
          ),
        );
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Notifications `method` received and not consumed by a wait (e.g. window/logMessage). */
  unconsumed(method: string): any[] {
    return this.inbox.filter((message) => message.method === method).map((message) => message.params);
  }

  /** The next publishDiagnostics for `uri` (optionally for one document version). */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    return this.waitForNotification<PublishDiagnosticsParams>(
      'textDocument/publishDiagnostics',
      (params) => params.uri === uri && (version === undefined || params.version === version),
      timeoutMs,
    );
  }

  async initialize(
    options: {
      initializationOptions?: unknown;
      locale?: string;
      capabilities?: Record<string, unknown>;
      workspaceFolders?: { uri: string; name: string }[];
    } = {},
  ): Promise<any> {
    const result = await this.request('initialize', {
      processId: process.pid,
      clientInfo: { name: 'lsp-test-client' },
      locale: options.locale,
      rootUri: null,
      workspaceFolders: options.workspaceFolders ?? null,
      capabilities: options.capabilities ?? {
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        },
      },
      initializationOptions: options.initializationOptions,
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'yaml', version = 1): void {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text (a full-content change is valid under incremental sync too). */
  change(uri: string, version: number, text: string): void {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): void {
    this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  async shutdown(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    try {
      await this.request('shutdown', null, 5_000);
      this.notify('exit', null);
      await withTimeout(exited, 5_000, 'server did not exit');
    } catch {
      this.process.kill('SIGKILL');
      await exited;
    }
  }

  get running(): boolean {
    return this.exited === undefined;
  }

  /** Writes bytes as they are, for malformed frames. */
  sendRaw(bytes: string | Buffer): void {
    this.process.stdin.write(bytes);
  }

  /** The server's exit code, once it has exited (null if it was killed by a signal). */
  exitCode(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<number | null> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return Promise.resolve(this.process.exitCode);
    return withTimeout(new Promise((resolve) => this.process.once('exit', (code) => resolve(code))), timeoutMs, 'server did not exit');
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin.write(body);
  }

  /**
   * Chunks are kept in a list and joined once per message (as vscode-jsonrpc's reader does): joining
   * on every 64 KiB chunk made receiving a 1 MB diagnostics message quadratic, and the benchmark
   * measured this client instead of the server.
   */
  private receive(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (true) {
      if (this.bodyLength === undefined) {
        const buffer = this.joined();
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const header = buffer.subarray(0, headerEnd).toString('ascii');
        const match = /Content-Length:\s*(\d+)/i.exec(header);
        if (!match) throw new Error(`bad LSP header: ${header}`);
        this.bodyLength = Number(match[1]);
        this.chunks = [buffer.subarray(headerEnd + 4)];
        this.buffered -= headerEnd + 4;
      }
      if (this.buffered < this.bodyLength) return;
      const buffer = this.joined();
      const body = buffer.subarray(0, this.bodyLength).toString('utf8');
      this.chunks = [buffer.subarray(this.bodyLength)];
      this.buffered -= this.bodyLength;
      this.bodyLength = undefined;
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private joined(): Buffer {
    if (this.chunks.length !== 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return this.chunks[0];
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined && message.id !== null) {
      this.serverRequests.push({ method: message.method, params: message.params });
      const handler = this.handlers.get(message.method);
      if (!handler) {
        this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: `unhandled ${message.method}` } });
        return;
      }
      Promise.resolve()
        .then(() => handler(message.params))
        .then(
          (result) => this.send({ jsonrpc: '2.0', id: message.id, result: result ?? null }),
          (error: unknown) => this.send({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: String(error) } }),
        );
      return;
    }
    if (message.method !== undefined) {
      const notification: Notification = { method: message.method, params: message.params };
      const index = this.waiters.findIndex((waiter) => waiter.method === notification.method && waiter.predicate(notification.params));
      if (index >= 0) this.waiters.splice(index, 1)[0].resolve(notification.params);
      else this.inbox.push(notification);
      return;
    }
    if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (message.error) pending.reject(new Error(`${message.error.code}: ${message.error.message}`));
      else pending.resolve(message.result);
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
