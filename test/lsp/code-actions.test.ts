/** Quick fixes, fix-all and suppression over real LSP (textDocument/codeAction). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient } from './lspClient.ts';

const SEED_TAIL = [
  'apiVersion: kubeproxy.config.k8s.io/v1alpha1',
  'kind: KubeProxyConfiguration',
  'mode: ipvs # large cluster',
  'logging:',
  '   flushFrequency: 0',
  '   options:',
  '   json:',
  '      infoBufferSize: "0"',
  '   verbosity: 0',
  '',
].join('\n');

interface Action {
  title: string;
  kind: string;
  isPreferred?: boolean;
  edit: { changes: Record<string, { range: any; newText: string }[]> };
}

function apply(text: string, uri: string, action: Action): string {
  const document = TextDocument.create(uri, 'yaml', 1, text);
  return TextDocument.applyEdits(document, action.edit.changes[uri]);
}

async function withServer(body: (client: LspClient) => Promise<void>): Promise<void> {
  const client = new LspClient();
  try {
    await client.initialize({ initializationOptions: { settings: { kubernetesVersion: '1.33' } } });
    await body(client);
  } finally {
    await client.shutdown();
  }
}

test('the seed\'s misplaced logging.json gets a preferred "move" quick fix that leaves a clean file', async () => {
  await withServer(async (client) => {
    const uri = 'file:///work/fix/guide.yaml';
    client.open(uri, SEED_TAIL);
    const { diagnostics } = await client.diagnostics(uri);
    const [diagnostic] = diagnostics.filter((d) => d.code === 'unknown-field');
    const actions = await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const move = actions.find((action) => action.isPreferred);
    assert.ok(move, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(move.title, 'Move logging.json to logging.options.json');
    assert.equal(move.kind, 'quickfix');
    const after = apply(SEED_TAIL, uri, move);
    assert.match(after, /   options:\n      json:\n         infoBufferSize: "0"\n/);
    assert.match(after, /# large cluster/);
    assert.ok(actions.some((action) => action.title === 'Silence unknown-field on this line'));
    assert.ok(actions.some((action) => action.title === 'Remove logging.json' && !action.isPreferred));

    client.change(uri, 2, after);
    const republished = await client.diagnostics(uri, 2);
    assert.deepEqual(
      republished.diagnostics.filter((d) => d.severity === 1),
      [],
    );
  });
});

test('source.fixAll.kubeProxyTuner fixes the whole file in one edit, and nothing the second time', async () => {
  await withServer(async (client) => {
    const uri = 'file:///work/fix/all.yaml';
    const text = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nMode: IPVS # keep\nipvs:\n  syncPeriod: 30\n';
    client.open(uri, text);
    await client.diagnostics(uri);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const [fixAll] = await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(fixAll.kind, 'source.fixAll.kubeProxyTuner');
    assert.equal(fixAll.edit.changes[uri].length, 1);
    const after = apply(text, uri, fixAll);
    assert.equal(
      after,
      'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs # keep\nipvs:\n  syncPeriod: 30s\n',
    );
    client.change(uri, 2, after);
    await client.diagnostics(uri, 2);
    const again = await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(again, []);
  });
});

test('the Chinese client gets Chinese fix titles', async () => {
  const client = new LspClient();
  try {
    await client.initialize({ locale: 'zh-cn', initializationOptions: { settings: { kubernetesVersion: '1.33' } } });
    const uri = 'file:///work/fix/zh.yaml';
    client.open(uri, SEED_TAIL);
    const { diagnostics } = await client.diagnostics(uri);
    const [diagnostic] = diagnostics.filter((d) => d.code === 'unknown-field');
    const actions = await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    assert.ok(
      actions.some((action) => action.title === '将 logging.json 移到 logging.options.json'),
      JSON.stringify(actions.map((a) => a.title)),
    );
  } finally {
    await client.shutdown();
  }
});

test('with codeAction/resolve, whole-file fixes are listed without an edit and computed when picked', async () => {
  const client = new LspClient();
  try {
    await client.initialize({
      capabilities: { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } },
      initializationOptions: { settings: { kubernetesVersion: '1.33' } },
    });
    const uri = 'file:///work/fix/resolve.yaml';
    client.open(uri, SEED_TAIL);
    const { diagnostics } = await client.diagnostics(uri);
    const [diagnostic] = diagnostics.filter((d) => d.code === 'unknown-field');
    const actions = await client.request<(Action & { data?: unknown })[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const lazy = actions.find((action) => action.kind === 'source.fixAll.kubeProxyTuner');
    assert.ok(lazy && !lazy.edit && lazy.data, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(actions.find((action) => action.isPreferred)?.edit, 'the single quick fix keeps its edit');
    const resolved = await client.request<Action>('codeAction/resolve', lazy);
    assert.match(apply(SEED_TAIL, uri, resolved), /   options:\n      json:\n/);
  } finally {
    await client.shutdown();
  }
});

test('two findings of one rule at the same place each get their own fix', async () => {
  const client = new LspClient();
  try {
    await client.initialize({ initializationOptions: { settings: { kubernetesVersion: '1.33' } } });
    const uri = 'file:///work/fix/zeros.yaml';
    // Both zeros come in through one merge key, so both findings point at `*zeros`.
    const text =
      'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: iptables\nx-zeros: &zeros {syncPeriod: 0s, minSyncPeriod: 0s}\niptables:\n  <<: *zeros\n';
    client.open(uri, text);
    const { diagnostics } = await client.diagnostics(uri);
    const zeros = diagnostics.filter((d) => d.code === 'zero-means-default');
    assert.deepEqual(zeros.map((d) => d.data?.path).sort(), ['iptables.minSyncPeriod', 'iptables.syncPeriod']);
    assert.deepEqual(zeros[0].range, zeros[1].range, 'the case needs both at one place');
    for (const diagnostic of zeros) {
      const actions = await client.request<(Action & { diagnostics?: { data?: { path?: string } }[] })[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: zeros },
      });
      const sets = actions.filter((action) => action.title.startsWith('Set iptables.'));
      assert.equal(sets.length, 2, JSON.stringify(actions.map((a) => a.title)));
      for (const action of sets) {
        const path = /^Set (\S+) to/.exec(action.title)![1];
        assert.equal(
          action.diagnostics?.[0]?.data?.path,
          path,
          `"${action.title}" is attached to the ${action.diagnostics?.[0]?.data?.path} diagnostic`,
        );
      }
    }
  } finally {
    await client.shutdown();
  }
});
