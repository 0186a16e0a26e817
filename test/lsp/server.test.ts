/**
 * The language server over real LSP (stdio), as any editor would drive it. Needs `npm run build`
 * (dist/server.js); `npm test` builds first.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { SERVER_NODE_FLAGS } from '../../server/src/processFlags.ts';
import { LspClient, NODE20, SERVER_PATH, type LspDiagnostic } from './lspClient.ts';

const ERROR = 1;
const CJK = /[\u4e00-\u9fff]/;

const KUBE_PROXY_BAD_MODE = ['apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'mode: foo', ''].join('\n');

const KUBE_PROXY_GOOD_MODE = KUBE_PROXY_BAD_MODE.replace('mode: foo', 'mode: iptables');

const KUBE_PROXY_NFTABLES = [
  'apiVersion: kubeproxy.config.k8s.io/v1alpha1',
  'kind: KubeProxyConfiguration',
  'mode: iptables',
  'nftables:',
  '  syncPeriod: 30s',
  '',
].join('\n');

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: 2',
  '  selector:',
  '    matchLabels: {app: web}',
  '  template:',
  '    metadata:',
  '      labels: {app: web}',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:1.27',
  '',
].join('\n');

async function withServer(
  options: Parameters<LspClient['initialize']>[0],
  body: (client: LspClient) => Promise<void>,
  setup?: (client: LspClient) => void,
): Promise<void> {
  assert.ok(existsSync(SERVER_PATH), `${SERVER_PATH} is missing: run npm run build first`);
  const client = new LspClient();
  try {
    setup?.(client);
    await client.initialize(options);
    await body(client);
  } finally {
    await client.shutdown();
  }
}

const errors = (diagnostics: LspDiagnostic[]): LspDiagnostic[] => diagnostics.filter((diagnostic) => diagnostic.severity === ERROR);

test('initialize announces incremental sync and the server name', async () => {
  const client = new LspClient();
  try {
    const result = await client.initialize();
    assert.equal(result.serverInfo?.name, 'kube-proxy-tuner');
    const sync = result.capabilities.textDocumentSync;
    assert.equal(typeof sync === 'object' ? sync.change : sync, 2);
  } finally {
    await client.shutdown();
  }
});

test('(a) an invalid mode is one error on the value, with code, source, docs and fix data', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/a/kube-proxy.yaml';
    client.open(uri, KUBE_PROXY_BAD_MODE);
    const published = await client.diagnostics(uri);
    assert.equal(published.version, 1);
    const found = errors(published.diagnostics);
    assert.equal(found.length, 1, JSON.stringify(published.diagnostics, null, 2));
    const [diagnostic] = found;
    assert.equal(diagnostic.code, 'proxy-mode');
    assert.equal(diagnostic.source, 'kube-proxy-tuner');
    assert.deepEqual(diagnostic.range, { start: { line: 2, character: 6 }, end: { line: 2, character: 9 } });
    assert.match(diagnostic.message, /mode/);
    assert.match(diagnostic.codeDescription?.href ?? '', /^https?:\/\//);
    assert.equal(diagnostic.data?.rule, 'proxy-mode');
    assert.equal(diagnostic.data?.path, 'mode');
    assert.equal(diagnostic.data?.document, 0);

    const version = await client.waitForNotification('kubeProxyTuner/version', (params) => params.uri === uri);
    assert.match(version.minor, /^1\.\d+$/);
    assert.equal(version.source, 'default');
    assert.equal(version.applies, true);
  });
});

test('(b) a plain Deployment gets an empty diagnostics list', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/b/deployment.yaml';
    client.open(uri, DEPLOYMENT);
    const published = await client.diagnostics(uri);
    assert.deepEqual(published.diagnostics, []);
    const version = await client.waitForNotification('kubeProxyTuner/version', (params) => params.uri === uri);
    assert.equal(version.applies, false, 'no status item for YAML that is not ours');
  });
});

test('(c) fixing the value with didChange clears the error; (d) didClose publishes an empty list', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/c/kube-proxy.yaml';
    client.open(uri, KUBE_PROXY_BAD_MODE);
    assert.equal(errors((await client.diagnostics(uri, 1)).diagnostics).length, 1);

    client.change(uri, 2, KUBE_PROXY_GOOD_MODE);
    const fixed = await client.diagnostics(uri, 2);
    assert.deepEqual(errors(fixed.diagnostics), [], JSON.stringify(fixed.diagnostics, null, 2));
    assert.ok(!fixed.diagnostics.some((diagnostic) => diagnostic.code === 'proxy-mode'));

    client.change(uri, 3, KUBE_PROXY_BAD_MODE);
    assert.equal(errors((await client.diagnostics(uri, 3)).diagnostics).length, 1);

    client.close(uri);
    const closed = await client.diagnostics(uri);
    assert.deepEqual(closed.diagnostics, []);
  });
});

test('(c2) incremental edits are applied like an editor sends them', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/c2/kube-proxy.yaml';
    client.open(uri, KUBE_PROXY_BAD_MODE);
    assert.equal(errors((await client.diagnostics(uri, 1)).diagnostics).length, 1);
    // Replace `foo` (line 2, characters 6-9) with `nftables`.
    client.notify('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 6 }, end: { line: 2, character: 9 } }, text: 'nftables' }],
    });
    const published = await client.diagnostics(uri, 2);
    assert.ok(
      !published.diagnostics.some((diagnostic) => diagnostic.code === 'proxy-mode'),
      JSON.stringify(published.diagnostics, null, 2),
    );
  });
});

test('(e) initializationOptions.settings.kubernetesVersion decides whether nftables: is known', async () => {
  await withServer({ initializationOptions: { settings: { kubernetesVersion: '1.28' } } }, async (client) => {
    const uri = 'file:///work/e/kube-proxy-128.yaml';
    client.open(uri, KUBE_PROXY_NFTABLES);
    const published = await client.diagnostics(uri);
    const unknown = published.diagnostics.filter((diagnostic) => diagnostic.code === 'unknown-field');
    assert.equal(unknown.length, 1, JSON.stringify(published.diagnostics, null, 2));
    assert.equal(unknown[0].severity, ERROR);
    assert.equal(unknown[0].range.start.line, 3);
    assert.equal(unknown[0].data?.path, 'nftables');
    const version = await client.waitForNotification('kubeProxyTuner/version', (params) => params.uri === uri);
    assert.deepEqual({ minor: version.minor, source: version.source }, { minor: '1.28', source: 'setting' });
  });
  await withServer({ initializationOptions: { settings: { kubernetesVersion: '1.33' } } }, async (client) => {
    const uri = 'file:///work/e/kube-proxy-133.yaml';
    client.open(uri, KUBE_PROXY_NFTABLES);
    const published = await client.diagnostics(uri);
    assert.deepEqual(errors(published.diagnostics), [], JSON.stringify(published.diagnostics, null, 2));
  });
});

test('(e2) settings.rules can turn a rule off or change its severity', async () => {
  await withServer({ initializationOptions: { settings: { rules: { 'proxy-mode': 'off' } } } }, async (client) => {
    const uri = 'file:///work/e2/off.yaml';
    client.open(uri, KUBE_PROXY_BAD_MODE);
    const published = await client.diagnostics(uri);
    assert.ok(!published.diagnostics.some((diagnostic) => diagnostic.code === 'proxy-mode'));
  });
  await withServer({ initializationOptions: { settings: { rules: { 'proxy-mode': 'warning' } } } }, async (client) => {
    const uri = 'file:///work/e2/warning.yaml';
    client.open(uri, KUBE_PROXY_BAD_MODE);
    const published = await client.diagnostics(uri);
    const mode = published.diagnostics.filter((diagnostic) => diagnostic.code === 'proxy-mode');
    assert.equal(mode.length, 1);
    assert.equal(mode[0].severity, 2);
  });
});

test('(f) a zh-CN locale yields Chinese messages', async () => {
  await withServer({ locale: 'zh-CN' }, async (client) => {
    const uri = 'file:///work/f/kube-proxy.yaml';
    client.open(uri, KUBE_PROXY_BAD_MODE);
    const [diagnostic] = errors((await client.diagnostics(uri)).diagnostics);
    assert.match(diagnostic.message, CJK);
  });
  await withServer({ locale: 'en', initializationOptions: { locale: 'zh-cn' } }, async (client) => {
    const uri = 'file:///work/f/kube-proxy-2.yaml';
    client.open(uri, KUBE_PROXY_BAD_MODE);
    const [diagnostic] = errors((await client.diagnostics(uri)).diagnostics);
    assert.match(diagnostic.message, CJK, 'initializationOptions.locale wins over InitializeParams.locale');
  });
  await withServer({ locale: 'en-US' }, async (client) => {
    const uri = 'file:///work/f/kube-proxy-3.yaml';
    client.open(uri, KUBE_PROXY_BAD_MODE);
    const [diagnostic] = errors((await client.diagnostics(uri)).diagnostics);
    assert.doesNotMatch(diagnostic.message, CJK);
  });
});

test('(g) settings come from workspace/configuration when the client supports it, and follow didChangeConfiguration', async () => {
  let version = '1.28';
  await withServer(
    { capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } } },
    async (client) => {
      const uri = 'file:///work/g/kube-proxy.yaml';
      client.open(uri, KUBE_PROXY_NFTABLES);
      const published = await client.diagnostics(uri);
      assert.ok(
        published.diagnostics.some((diagnostic) => diagnostic.code === 'unknown-field'),
        JSON.stringify(published.diagnostics, null, 2),
      );
      const request = client.serverRequests.find((item) => item.method === 'workspace/configuration');
      assert.ok(request, 'the server asked for its configuration');
      assert.deepEqual(request.params.items, [{ scopeUri: uri, section: 'kubeProxyTuner' }]);
      const status = await client.waitForNotification('kubeProxyTuner/version', (params) => params.uri === uri);
      assert.deepEqual({ minor: status.minor, source: status.source }, { minor: '1.28', source: 'setting' });

      // The user switches to 1.33: the server drops its cache, asks again and re-validates open documents.
      version = '1.33';
      client.notify('workspace/didChangeConfiguration', { settings: null });
      const revalidated = await client.diagnostics(uri);
      assert.deepEqual(errors(revalidated.diagnostics), [], JSON.stringify(revalidated.diagnostics, null, 2));
      assert.equal(client.serverRequests.filter((item) => item.method === 'workspace/configuration').length, 2);
    },
    (client) =>
      client.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
        params.items.map(() => ({ kubernetesVersion: version })),
      ),
  );
});

test('(g2) without configuration support, didChangeConfiguration carries the settings', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/g2/kube-proxy.yaml';
    client.open(uri, KUBE_PROXY_NFTABLES);
    assert.deepEqual(errors((await client.diagnostics(uri)).diagnostics), []);
    client.notify('workspace/didChangeConfiguration', { settings: { kubeProxyTuner: { kubernetesVersion: '1.28' } } });
    const published = await client.diagnostics(uri);
    assert.ok(
      published.diagnostics.some((diagnostic) => diagnostic.code === 'unknown-field'),
      JSON.stringify(published.diagnostics, null, 2),
    );
    assert.ok(!client.serverRequests.some((item) => item.method === 'workspace/configuration'));
  });
});

test('(h) an untitled YAML document gets diagnostics too', async () => {
  await withServer({}, async (client) => {
    const uri = 'untitled:Untitled-1';
    client.open(uri, KUBE_PROXY_BAD_MODE);
    const [diagnostic, ...rest] = errors((await client.diagnostics(uri)).diagnostics);
    assert.equal(rest.length, 0);
    assert.equal(diagnostic.code, 'proxy-mode');
  });
});

test('(h2) a .yml file sent with another language id is still checked', async () => {
  await withServer({}, async (client) => {
    const uri = 'file:///work/h2/kube-proxy.yml';
    client.open(uri, KUBE_PROXY_BAD_MODE, 'plaintext');
    assert.equal(errors((await client.diagnostics(uri)).diagnostics)[0]?.code, 'proxy-mode');
  });
});

test('(i) binary junk and broken YAML neither crash nor wedge the server', async () => {
  await withServer({}, async (client) => {
    const junk = 'file:///work/i/junk.yaml';
    const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919 + 13) % 0xffff)).join('');
    client.open(junk, `kind: KubeProxyConfiguration\n${bytes}\n\u0000\u0001\ud800: [ {\n`);
    const junkResult = await client.diagnostics(junk);
    for (const diagnostic of junkResult.diagnostics) {
      assert.ok(diagnostic.range.start.line >= 0 && diagnostic.range.end.line >= diagnostic.range.start.line);
    }

    const broken = 'file:///work/i/broken.yaml';
    client.open(
      broken,
      'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: [iptables\n  : : :\n\t- *nope\n',
    );
    await client.diagnostics(broken);

    const good = 'file:///work/i/next.yaml';
    client.open(good, KUBE_PROXY_BAD_MODE);
    const [diagnostic] = errors((await client.diagnostics(good)).diagnostics);
    assert.equal(diagnostic.code, 'proxy-mode');
    assert.ok(client.running);
    // The server would survive an exception in the core (it logs it), but the core must not throw.
    const logged = client.unconsumed('window/logMessage').filter((params) => params.type === 1);
    assert.deepEqual(logged, [], 'analysis failed on some input');
  });
});

// The VS Code client starts the server with V8 flags (server/src/processFlags.ts): a Node that refused
// them would leave the extension without a server. Checked on this Node and on Node 20 (older V8).
for (const [label, nodePath] of [
  ['this Node', process.execPath],
  ['Node 20', NODE20],
] as const) {
  test(
    `(j) the server runs with the V8 flags the extension starts it with, on ${label}`,
    { skip: nodePath ? false : 'no Node 20 on this machine' },
    async () => {
      const client = new LspClient(['--stdio'], nodePath, SERVER_NODE_FLAGS);
      try {
        await client.initialize({});
        client.open('file:///flags/kube-proxy.yaml', KUBE_PROXY_BAD_MODE);
        const published = await client.diagnostics('file:///flags/kube-proxy.yaml');
        assert.equal(errors(published.diagnostics).length, 1, JSON.stringify(published.diagnostics));
        assert.equal(client.stderr, '', 'no warning about the flags');
      } finally {
        await client.shutdown();
      }
    },
  );
}
