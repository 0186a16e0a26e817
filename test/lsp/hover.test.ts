/** textDocument/hover over real LSP: Markdown by default, plain text when the client asks. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LspClient } from './lspClient.ts';

const TEXT = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\nclientConnection:\n  qps: 50\n';

async function hoverOnQps(capabilities?: Record<string, unknown>, locale?: string) {
  const client = new LspClient();
  try {
    await client.initialize({ capabilities, locale, initializationOptions: { settings: { kubernetesVersion: '1.33' } } });
    const uri = 'file:///work/hover/kp.yaml';
    client.open(uri, TEXT);
    await client.diagnostics(uri);
    return await client.request<{ contents: { kind: string; value: string }; range: unknown }>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 4, character: 3 },
    });
  } finally {
    await client.shutdown();
  }
}

test('hover on a key gives Markdown with the recommendation, the link and the version footer', async () => {
  const hover = await hoverOnQps();
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /\*\*clientConnection\.qps\*\*/);
  assert.match(hover.contents.value, /Recommended for large clusters\*\*: `50`/);
  assert.match(hover.contents.value, /Kubernetes 1\.33, from the kubeProxyTuner\.kubernetesVersion setting/);
  assert.deepEqual(hover.range, { start: { line: 4, character: 2 }, end: { line: 4, character: 5 } });
});

test('a client that only renders plain text gets plain text, in its language', async () => {
  const hover = await hoverOnQps({ textDocument: { hover: { contentFormat: ['plaintext'] } } }, 'zh-cn');
  assert.equal(hover.contents.kind, 'plaintext');
  assert.ok(!hover.contents.value.includes('**'));
  assert.match(hover.contents.value, /大规模集群建议值/);
});
