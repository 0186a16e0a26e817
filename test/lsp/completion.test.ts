/**
 * textDocument/completion over real LSP: yaml-language-server's completion with our per-minor
 * schemas inside KubeProxyConfiguration documents only, the minor resolved like diagnostics, our
 * snippets where a new document starts, nothing for other documents, and no network.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LspClient, NODE20 } from './lspClient.ts';

const CAPABILITIES = {
  textDocument: {
    completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
    publishDiagnostics: { versionSupport: true },
  },
};
const SNIPPET = 15;
const PROPERTY = 10;
const KP = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n';

interface Item {
  label: string;
  kind?: number;
  detail?: string;
  documentation?: string | { kind: string; value: string };
  insertTextFormat?: number;
  textEdit?: { newText: string; range?: { start: { line: number; character: number }; end: { line: number; character: number } } };
  insertTextMode?: number;
}

/** A kubeadm file whose ClusterConfiguration names the minor, then `body`; the cursor is at `|`. */
function kubeadmFile(minor: string, body: string): string {
  return `apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nkubernetesVersion: v${minor}.0\n---\n${body}`;
}

let counter = 0;
/** `marker`: what marks the cursor (`|`, or `§` in texts with block scalars). */
async function complete(client: LspClient, textWithCursor: string, marker = '|'): Promise<Item[]> {
  const offset = textWithCursor.indexOf(marker);
  assert.ok(offset >= 0, `the text marks the cursor with ${marker}`);
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + marker.length);
  const before = text.slice(0, offset).split('\n');
  const uri = `file:///work/completion/case-${++counter}.yaml`;
  client.open(uri, text);
  const result = await client.request<{ items: Item[] } | Item[] | null>('textDocument/completion', {
    textDocument: { uri },
    position: { line: before.length - 1, character: before[before.length - 1].length },
  });
  client.close(uri);
  return Array.isArray(result) ? result : (result?.items ?? []);
}

const labels = (items: Item[], kind?: number): string[] =>
  items.filter((item) => kind === undefined || item.kind === kind).map((item) => item.label);
const docText = (item: Item | undefined): string =>
  typeof item?.documentation === 'string' ? item.documentation : (item?.documentation?.value ?? '');

describe('completion', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    const result = await client.initialize({ capabilities: CAPABILITIES });
    assert.ok(result.capabilities.completionProvider, 'completionProvider is announced');
  });
  after(async () => {
    await client.shutdown();
  });

  for (const minor of ['1.28', '1.37']) {
    describe(`on Kubernetes ${minor} (from the file's ClusterConfiguration)`, () => {
      test('at the root: the keys of that version, not those already written', async () => {
        const items = await complete(client, kubeadmFile(minor, `${KP}mode: ipvs\n|\n`));
        const keys = labels(items, PROPERTY);
        for (const key of ['clientConnection', 'ipvs', 'conntrack', 'metricsBindAddress', 'configSyncPeriod', 'logging'])
          assert.ok(keys.includes(key), key);
        for (const key of ['apiVersion', 'kind', 'mode']) assert.ok(!keys.includes(key), `${key} is already there`);
        assert.equal(keys.includes('nftables'), minor === '1.37', 'nftables exists from 1.29');
        assert.equal(keys.includes('windowsRunAsService'), minor === '1.37', 'windowsRunAsService exists from 1.31');
        assert.match(
          docText(items.find((item) => item.label === 'clientConnection')),
          /API server/,
          'documentation from the knowledge base',
        );
        // Picking a section inserts the key, not upstream's defaults (qps 5) that contradict our advice.
        assert.doesNotMatch(items.find((item) => item.label === 'clientConnection')?.textEdit?.newText ?? '', /qps/);
      });

      test('inside ipvs: the ipvs keys only', async () => {
        const items = await complete(client, kubeadmFile(minor, `${KP}mode: ipvs\nipvs:\n  syncPeriod: 30s\n  |\n`));
        const keys = labels(items);
        for (const key of ['minSyncPeriod', 'scheduler', 'strictARP', 'excludeCIDRs', 'tcpTimeout', 'tcpFinTimeout', 'udpTimeout'])
          assert.ok(keys.includes(key), key);
        for (const key of ['syncPeriod', 'mode', 'conntrack', 'masqueradeBit']) assert.ok(!keys.includes(key), key);
        assert.match(docText(items.find((item) => item.label === 'minSyncPeriod')), /Recommended: `1s`/);
      });

      test('after mode: the modes that version accepts', async () => {
        const items = await complete(client, kubeadmFile(minor, `${KP}mode: |\n`));
        assert.deepEqual(labels(items).sort(), minor === '1.28' ? ['iptables', 'ipvs'] : ['iptables', 'ipvs', 'nftables']);
        assert.match(docText(items.find((item) => item.label === 'ipvs')), /IPVS/);
      });

      test('inside conntrack: the conntrack keys of that version', async () => {
        const keys = labels(await complete(client, kubeadmFile(minor, `${KP}conntrack:\n  |\n`)));
        for (const key of ['maxPerCore', 'min', 'tcpEstablishedTimeout', 'tcpCloseWaitTimeout']) assert.ok(keys.includes(key), key);
        for (const key of ['tcpBeLiberal', 'udpTimeout', 'udpStreamTimeout'])
          assert.equal(keys.includes(key), minor === '1.37', `${key} exists from 1.29`);
      });

      test('values: booleans and duration examples (recommended first)', async () => {
        assert.deepEqual(labels(await complete(client, kubeadmFile(minor, `${KP}ipvs:\n  strictARP: |\n`))).sort(), ['false', 'true']);
        assert.deepEqual(labels(await complete(client, kubeadmFile(minor, `${KP}ipvs:\n  minSyncPeriod: |\n`))).sort(), ['0s', '1s']);
      });

      test('snippets where a new document starts: those for that version, as snippets', async () => {
        const items = await complete(client, kubeadmFile(minor, `${KP}mode: ipvs\n---\n|`));
        assert.ok(
          items.length > 0 && items.every((item) => item.kind === SNIPPET && item.insertTextFormat === 2),
          JSON.stringify(labels(items)),
        );
        const offered = labels(items);
        if (minor === '1.28') assert.deepEqual(offered.sort(), ['kube-proxy-ipvs', 'kubeadm-kube-proxy-ipvs-v1beta3']);
        else assert.deepEqual(offered.sort(), ['kube-proxy-nftables', 'kubeadm-kube-proxy-nftables']);
      });
    });
  }

  test('the kubeProxyTuner.kubernetesVersion setting picks the schema, as for diagnostics', async () => {
    const other = new LspClient();
    try {
      await other.initialize({ capabilities: CAPABILITIES, initializationOptions: { settings: { kubernetesVersion: '1.28' } } });
      const keys = labels(await complete(other, kubeadmFile('1.37', `${KP}|\n`)));
      assert.ok(keys.includes('ipvs') && !keys.includes('nftables'));
    } finally {
      await other.shutdown();
    }
  });

  test('an empty file offers every whole-document snippet; a KubeProxyConfiguration root offers its parts', async () => {
    const all = labels(await complete(client, 'kube|'));
    for (const prefix of [
      'kubeadm-kube-proxy-ipvs',
      'kubeadm-kube-proxy-ipvs-v1beta3',
      'kubeadm-kube-proxy-nftables',
      'kube-proxy-ipvs',
      'kube-proxy-nftables',
      'kube-proxy-configmap',
      'kind-cluster-kube-proxy',
    ])
      assert.ok(all.includes(prefix), prefix);
    // Among kubeadm documents a ConfigMap or a kind cluster is not what comes next.
    const inKubeadm = labels(await complete(client, kubeadmFile('1.34', `${KP}---\nkube|`)));
    assert.ok(inKubeadm.includes('kube-proxy-nftables') && !inKubeadm.includes('kube-proxy-configmap'), inKubeadm.join());
    assert.deepEqual(await complete(client, `${KP}---|\n`), [], 'not on a separator line');
    const parts = labels(await complete(client, `${KP}mode: nftables\n|`), SNIPPET);
    assert.deepEqual(parts.sort(), ['kube-proxy-section-conntrack', 'kube-proxy-section-metrics', 'kube-proxy-section-nftables']);
  });

  describe('inside a kube-proxy ConfigMap and a kind patch', () => {
    const configMap = (body: string): string =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kube-proxy\n  namespace: kube-system\ndata:\n  config.conf: |\n${body}  kubeconfig.conf: |-\n    apiVersion: v1\n`;

    test('the keys of the section under the cursor, with edits placed in the ConfigMap', async () => {
      const text = configMap(`    ${KP.replace(/\n/g, '\n    ')}mode: ipvs\n    ipvs:\n      syncPeriod: 30s\n      §\n`);
      const items = await complete(client, text, '§');
      const keys = labels(items);
      for (const key of ['minSyncPeriod', 'scheduler', 'strictARP']) assert.ok(keys.includes(key), key);
      for (const key of ['syncPeriod', 'mode', 'conntrack']) assert.ok(!keys.includes(key), key);
      const line = text.slice(0, text.indexOf('§')).split('\n').length - 1;
      const strictArp = items.find((item) => item.label === 'strictARP');
      assert.deepEqual(strictArp?.textEdit?.range, { start: { line, character: 6 }, end: { line, character: 6 } });
      assert.equal(strictArp?.insertTextMode, 2, 'continuation lines are indented like the cursor line (adjustIndentation)');
    });

    test('the root keys on a new line after the text (a trailing blank line of the block), and the modes after `mode:`', async () => {
      const root = labels(await complete(client, configMap(`    ${KP.replace(/\n/g, '\n    ')}mode: ipvs\n    §\n`), '§'), PROPERTY);
      for (const key of ['clientConnection', 'ipvs', 'conntrack']) assert.ok(root.includes(key), key);
      assert.ok(!root.includes('mode'));
      const modes = labels(await complete(client, configMap(`    ${KP.replace(/\n/g, '\n    ')}mode: §\n`), '§'));
      assert.deepEqual(modes.sort(), ['iptables', 'ipvs', 'nftables']);
    });

    test('an empty config.conf offers the whole-document snippets', async () => {
      const items = await complete(client, configMap('    §\n'), '§');
      assert.ok(labels(items, SNIPPET).includes('kube-proxy-nftables'), JSON.stringify(labels(items)));
    });

    test('a kind patch: the keys of the section, for the node image version', async () => {
      const kind = `kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nkubeadmConfigPatches:\n- |\n  kind: KubeProxyConfiguration\n  conntrack:\n    §\nnodes:\n- role: control-plane\n  image: kindest/node:v1.28.15\n`;
      const keys = labels(await complete(client, kind, '§'));
      for (const key of ['maxPerCore', 'min', 'tcpEstablishedTimeout']) assert.ok(keys.includes(key), key);
      assert.ok(!keys.includes('tcpBeLiberal'), 'tcpBeLiberal exists from 1.29: the node image is 1.28');
    });

    test('nothing in the ConfigMap around the text, or in the kubeconfig next to it', async () => {
      const kp = KP.replace(/^(?=.)/gm, '    ');
      assert.deepEqual(await complete(client, configMap(kp).replace('namespace: kube-system', 'namespace: §'), '§'), []);
      assert.deepEqual(labels(await complete(client, `${configMap(kp)}    §\n`, '§')), []);
    });
  });

  test('nothing inside a Deployment, a ClusterConfiguration or other YAML', async () => {
    assert.deepEqual(await complete(client, kubeadmFile('1.37', `${KP}mode: ipvs\n---\napiVersion: apps/v1\nkind: Deployment\n|\n`)), []);
    assert.deepEqual(await complete(client, 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  |\n'), []);
    assert.deepEqual(await complete(client, 'apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\n|\n'), []);
    assert.deepEqual(
      await complete(client, kubeadmFile('1.37', `${KP}mode: |\n---\napiVersion: v1\nkind: ConfigMap\n`))
        .then(labels)
        .then((l) => l.sort()),
      ['iptables', 'ipvs', 'nftables'],
    );
  });

  test('a document that aliases more than go-yaml allows gets no completion; ordinary aliases still do', async () => {
    // Each level merges the one below twice and names it once more: 3^18 nodes once expanded, in 700 bytes.
    const levels = [
      'b0: &b0 {q: 1, w: 2}',
      ...Array.from({ length: 18 }, (_, i) => `b${i + 1}: &b${i + 1} {<<: [*b${i}, *b${i}], k: *b${i}}`),
    ];
    assert.deepEqual(await complete(client, `${KP}${levels.join('\n')}\n|\n`), []);
    assert.deepEqual(await complete(client, `${KP}${levels.join('\n')}\nconntrack:\n  |\n`), []);
    const ordinary = await complete(
      client,
      `${KP}x-limits: &limits {qps: 50, burst: 100}\nclientConnection:\n  <<: *limits\nconntrack:\n  |\n`,
    );
    assert.ok(labels(ordinary).includes('maxPerCore'));
  });

  test('a schema named in the file is never fetched; completion still uses our schema', async () => {
    const items = await complete(client, `# yaml-language-server: $schema=https://example.invalid/other.json\n${KP}conntrack:\n  |\n`);
    assert.ok(labels(items).includes('maxPerCore'));
    assert.deepEqual(
      client.serverRequests
        .map((request) => request.method)
        .filter((method) => !['workspace/configuration', 'client/registerCapability'].includes(method)),
      [],
    );
    // No yaml-language-server diagnostics next to ours: every published diagnostic is ours.
    const published = client.unconsumed('textDocument/publishDiagnostics').flatMap((params) => params.diagnostics);
    assert.ok(published.every((diagnostic: { source?: string }) => diagnostic.source === 'kube-proxy-tuner'));
  });
});

describe('completion for other clients', () => {
  test('zh-cn clients get Chinese documentation and snippet descriptions', async () => {
    const client = new LspClient();
    try {
      await client.initialize({ capabilities: CAPABILITIES, locale: 'zh-cn' });
      const keys = await complete(client, `${KP}|\n`);
      assert.match(docText(keys.find((item) => item.label === 'conntrack')), /连接跟踪/);
      const values = await complete(client, `${KP}mode: |\n`);
      assert.equal(values.find((item) => item.label === 'iptables')?.detail, '默认值');
      const snippets = await complete(client, '|');
      assert.match(snippets.find((item) => item.label === 'kube-proxy-nftables')?.detail ?? '', /[\u4e00-\u9fff]/);
    } finally {
      await client.shutdown();
    }
  });

  test('initializationOptions.snippets false (VS Code has them from package.json): no snippet items', async () => {
    const client = new LspClient();
    try {
      await client.initialize({ capabilities: CAPABILITIES, initializationOptions: { snippets: false } });
      assert.deepEqual(await complete(client, '|'), []);
      assert.ok(labels(await complete(client, `${KP}|\n`)).includes('ipvs'));
      assert.deepEqual(labels(await complete(client, `${KP}|\n`), SNIPPET), []);
    } finally {
      await client.shutdown();
    }
  });

  // VS Code's extension host may run Node 20: run the bundled server there too.
  test('the bundled completion works on Node 20', { skip: NODE20 ? false : 'no Node 20 on this machine' }, async () => {
    const client = new LspClient(['--stdio'], NODE20);
    try {
      await client.initialize({ capabilities: CAPABILITIES });
      assert.deepEqual(labels(await complete(client, kubeadmFile('1.28', `${KP}mode: |\n`))).sort(), ['iptables', 'ipvs']);
      assert.ok(labels(await complete(client, '|')).includes('kubeadm-kube-proxy-nftables'));
    } finally {
      await client.shutdown();
    }
  });
});
