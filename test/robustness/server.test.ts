/**
 * The language server under stress, over real stdio: responsive while a huge file is open, alive
 * after malformed requests and unknown methods, cancellation answered, and no network access by the
 * server or the CLI (a preload makes any socket connect or DNS lookup fail and records it).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspClient, SERVER_PATH } from '../lsp/lspClient.ts';
import { largeKubeProxy, manyDocuments, TYPICAL } from '../../bench/fixtures.ts';

const SMALL = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\n';
const root = join(import.meta.dirname, '../..');

async function withServer(body: (client: LspClient) => Promise<void>): Promise<void> {
  assert.ok(existsSync(SERVER_PATH), `${SERVER_PATH} is missing: run npm run build first`);
  const client = new LspClient();
  try {
    await client.initialize({ initializationOptions: { locale: 'en' } });
    await body(client);
    assert.ok(client.running, `server died: ${client.stderr}`);
  } finally {
    await client.shutdown();
  }
}

test('answers a hover on a small document while a huge file is open and being edited', async () => {
  await withServer(async (client) => {
    const huge = largeKubeProxy(12_000);
    client.open('file:///huge.yaml', huge);
    client.open('file:///small.yaml', SMALL);
    // Keep the huge file busy: a few full-text edits queued behind each other.
    for (let version = 2; version <= 3; version++) client.change('file:///huge.yaml', version, `${huge}# edit ${version}\n`);
    const started = performance.now();
    const hover = await client.request<{ contents: unknown } | null>(
      'textDocument/hover',
      { textDocument: { uri: 'file:///small.yaml' }, position: { line: 2, character: 2 } },
      30_000,
    );
    const elapsed = performance.now() - started;
    assert.ok(hover && hover.contents, 'hover on mode answered');
    // Analyses coalesce per document, so the hover waits for at most one huge analysis, not three.
    assert.ok(elapsed < 15_000, `hover took ${elapsed.toFixed(0)} ms`);
    const diagnostics = await client.diagnostics('file:///huge.yaml', 3, 60_000);
    assert.ok(Array.isArray(diagnostics.diagnostics));
  });
});

test('survives malformed requests, unknown methods and requests for unknown documents', async () => {
  await withServer(async (client) => {
    const bad: [string, unknown][] = [
      ['textDocument/hover', null],
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: { uri: 'file:///nope.yaml' }, position: { line: -1, character: 'x' } }],
      ['textDocument/codeAction', { textDocument: { uri: 42 }, range: null, context: null }],
      [
        'textDocument/codeAction',
        {
          textDocument: { uri: 'file:///nope.yaml' },
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          context: { diagnostics: [{ range: null, data: 'x' }] },
        },
      ],
      ['textDocument/completion', { textDocument: { uri: 'file:///nope.yaml' }, position: null }],
      ['kubeProxyTuner/noSuchMethod', { any: 'thing' }],
      ['workspace/executeCommand', { command: 'nope', arguments: [1, 2, 3] }],
    ];
    for (const [method, params] of bad) {
      // Either a result or a JSON-RPC error: what matters is an answer and a live server.
      await client
        .request(method, params, 10_000)
        .catch((error: Error) => assert.match(error.message, /^-?\d+: /, `${method}: ${error.message}`));
      assert.ok(client.running, `server died after ${method}: ${client.stderr}`);
    }
    await assert.rejects(client.request('kubeProxyTuner/noSuchMethod', {}), /-32601/);
    client.notify('kubeProxyTuner/noSuchNotification', { x: 1 });
    client.notify('textDocument/didChange', {
      textDocument: { uri: 'file:///never-opened.yaml', version: 2 },
      contentChanges: [{ text: 'x' }],
    });
    client.notify('textDocument/didOpen', { textDocument: { uri: 'file:///weird.yaml', languageId: 'yaml', version: 1, text: 12345 } });
    // Diagnostics on a real document afterwards prove the server is still doing its job.
    client.open('file:///after.yaml', 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: foo\n');
    const published = await client.diagnostics('file:///after.yaml', 1);
    assert.ok(published.diagnostics.some((d) => d.code === 'proxy-mode'));
  });
});

test('a cancelled request is answered (result or RequestCancelled) and the server goes on', async () => {
  await withServer(async (client) => {
    // Small enough that an answer that is not cancelled comes quickly (code actions over a whole
    // large file are slow: each quick fix re-parses the file).
    const text = manyDocuments(24);
    client.open('file:///many.yaml', text);
    await client.diagnostics('file:///many.yaml', 1, 60_000);
    const ids: Promise<unknown>[] = [];
    for (let i = 0; i < 5; i++) {
      const pending = client.request(
        'textDocument/codeAction',
        {
          textDocument: { uri: 'file:///many.yaml' },
          range: { start: { line: 0, character: 0 }, end: { line: 300, character: 0 } },
          context: { diagnostics: [] },
        },
        60_000,
      );
      // Our client numbers requests from 1; the request just sent has the highest id so far.
      const id = (client as unknown as { nextId: number }).nextId - 1;
      client.notify('$/cancelRequest', { id });
      ids.push(
        pending.then(
          () => 'result',
          (error: Error) => {
            assert.match(error.message, /^-32800: /, `a cancelled request fails only as RequestCancelled: ${error.message}`);
            return 'cancelled';
          },
        ),
      );
    }
    const outcomes = await Promise.all(ids);
    assert.equal(outcomes.length, 5);
    // The server yields once before the work, so a cancel sent right behind its request is seen.
    assert.ok(outcomes.includes('cancelled'), `no request was cancelled: ${outcomes.join(', ')}`);
    const hover = await client.request('textDocument/hover', {
      textDocument: { uri: 'file:///many.yaml' },
      position: { line: 2, character: 1 },
    });
    assert.ok(hover !== undefined);
  });
});

// ── no network ─────────────────────────────────────────────────────────────────────────────────

const PRELOAD = join(import.meta.dirname, 'no-network.cjs');

test('the preload does catch a connection attempt (the guard itself works)', () => {
  const log = join(mkdtempSync(join(tmpdir(), 'kpt-net-')), 'network.log');
  const result = spawnSync(process.execPath, ['--require', PRELOAD, '-e', 'require("node:net").connect(9, "127.0.0.1")'], {
    env: { ...process.env, KPT_NETWORK_LOG: log },
    encoding: 'utf8',
  });
  assert.notEqual(result.status, 0);
  assert.match(readFileSync(log, 'utf8'), /net\.Socket\.connect/);
});

test('neither the server nor the CLI attempts any network access', async () => {
  const log = join(mkdtempSync(join(tmpdir(), 'kpt-net-')), 'network.log');
  const env = { KPT_NETWORK_LOG: log, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(PRELOAD)}`.trim() };
  const saved = { KPT_NETWORK_LOG: process.env.KPT_NETWORK_LOG, NODE_OPTIONS: process.env.NODE_OPTIONS };
  Object.assign(process.env, env);
  try {
    // The server: every feature once, on a file with findings, anchors and a `$schema`-style modeline.
    await withServer(async (client) => {
      const text = `# yaml-language-server: $schema=https://example.invalid/schema.json\n${TYPICAL}`;
      client.open('file:///net.yaml', text);
      const published = await client.diagnostics('file:///net.yaml', 1);
      await client.request('textDocument/hover', { textDocument: { uri: 'file:///net.yaml' }, position: { line: 63, character: 2 } });
      await client
        .request('textDocument/completion', { textDocument: { uri: 'file:///net.yaml' }, position: { line: 64, character: 0 } })
        .catch(() => undefined);
      const range = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };
      await client.request('textDocument/codeAction', {
        textDocument: { uri: 'file:///net.yaml' },
        range,
        context: { diagnostics: published.diagnostics },
      });
    });
    // The CLI, all formats.
    for (const format of ['text', 'json', 'sarif']) {
      const result = spawnSync(
        process.execPath,
        [join(root, 'dist/cli.js'), 'check', '--format', format, join(root, 'examples/kubeadm-config.yaml')],
        { encoding: 'utf8', env: process.env },
      );
      assert.equal(result.status, 0, result.stderr);
    }
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  const attempts = existsSync(log) ? readFileSync(log, 'utf8') : '';
  assert.equal(attempts, '', `network access attempted:\n${attempts}`);
});

// ── a client that misbehaves ───────────────────────────────────────────────────────────────────

const CONFIGURABLE = {
  workspace: { configuration: true },
  textDocument: { publishDiagnostics: { versionSupport: true, dataSupport: true } },
};

test('a client that never answers workspace/configuration still gets diagnostics, hovers and code actions', async () => {
  const client = new LspClient();
  try {
    let asked = 0;
    client.onRequest('workspace/configuration', () => {
      asked++;
      return new Promise(() => undefined);
    });
    await client.initialize({ capabilities: CONFIGURABLE, initializationOptions: { settings: { kubernetesVersion: '1.33' } } });
    const uri = 'file:///silent/kube-proxy.yaml';
    client.open(uri, `${SMALL.replace('mode: ipvs', 'mode: IPVS')}`);
    const { diagnostics } = await client.diagnostics(uri, 1, 10_000);
    assert.ok(
      diagnostics.some((d) => d.code === 'proxy-mode'),
      JSON.stringify(diagnostics),
    );
    const hover = await client.request<{ contents: unknown } | null>(
      'textDocument/hover',
      { textDocument: { uri }, position: { line: 2, character: 1 } },
      10_000,
    );
    assert.ok(hover?.contents);
    const actions = await client.request<unknown[]>(
      'textDocument/codeAction',
      { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } },
      10_000,
    );
    assert.ok(actions.length > 0);
    assert.ok(asked >= 1);
    const warnings = client
      .unconsumed('window/logMessage')
      .filter((m: { message: string }) => /did not answer workspace\/configuration/.test(m.message));
    assert.equal(warnings.length, 1, 'said once, not per request');
  } finally {
    await client.shutdown();
  }
});

test('settings that arrive late are used: the document is checked again with them', async () => {
  const client = new LspClient();
  try {
    let answer: ((value: unknown) => void) | undefined;
    client.onRequest(
      'workspace/configuration',
      () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
    );
    await client.initialize({ capabilities: CONFIGURABLE });
    const uri = 'file:///late/kube-proxy.yaml';
    // `nftables:` exists from 1.29: with the late 1.28 setting it becomes an unknown field.
    client.open(
      uri,
      'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: iptables\nnftables:\n  syncPeriod: 30s\n',
    );
    const first = await client.diagnostics(uri, 1, 10_000);
    assert.ok(!first.diagnostics.some((d) => d.code === 'unknown-field'), 'checked with the defaults (1.37) first');
    assert.ok(answer, 'the server asked');
    answer!([{ kubernetesVersion: '1.28' }]);
    const second = await client.diagnostics(uri, 1, 10_000);
    assert.ok(
      second.diagnostics.some((d) => d.code === 'unknown-field' && d.data?.path === 'nftables'),
      JSON.stringify(second.diagnostics.map((d) => d.code)),
    );
  } finally {
    await client.shutdown();
  }
});

test('a malformed frame ends the server with an error, so that the client restarts it', async () => {
  for (const frame of ['Content-Type: application/vscode-jsonrpc\r\n\r\n{}', 'Content-Length: 9\r\n\r\n{"jsonrpc']) {
    const client = new LspClient();
    await client.initialize();
    client.sendRaw(frame);
    assert.equal(await client.exitCode(10_000), 1, frame);
    assert.match(client.stderr, /cannot read a message from the client/);
  }
});

test('after shutdown, requests other than exit get InvalidRequest, and exit ends the server with 0', async () => {
  const client = new LspClient();
  await client.initialize();
  client.open('file:///bye.yaml', SMALL);
  await client.diagnostics('file:///bye.yaml', 1);
  await client.request('shutdown', null);
  await assert.rejects(
    client.request('textDocument/hover', { textDocument: { uri: 'file:///bye.yaml' }, position: { line: 2, character: 1 } }),
    /^Error: -32600: /,
  );
  await assert.rejects(
    client.request('textDocument/codeAction', {
      textDocument: { uri: 'file:///bye.yaml' },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    }),
    /^Error: -32600: /,
  );
  client.notify('exit', null);
  assert.equal(await client.exitCode(10_000), 0);
});
