/** textDocument/hover over real LSP: Markdown by default, plain text when the client asks. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LspClient } from './lspClient.ts';

const TEXT = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\nconntrack:\n  maxPerCore: 32768\n';

async function hoverOnMaxPerCore(capabilities?: Record<string, unknown>, locale?: string) {
  const client = new LspClient();
  try {
    await client.initialize({ capabilities, locale, initializationOptions: { settings: { kubernetesVersion: '1.33' } } });
    const uri = 'file:///work/hover/kp.yaml';
    client.open(uri, TEXT);
    await client.diagnostics(uri);
    return await client.request<{ contents: { kind: string; value: string }; range: unknown }>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 4, character: 4 },
    });
  } finally {
    await client.shutdown();
  }
}

test('hover on a key gives Markdown with the recommendation, its source, the link and the version footer', async () => {
  const hover = await hoverOnMaxPerCore();
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /\*\*conntrack\.maxPerCore\*\*/);
  assert.match(hover.contents.value, /Recommended\*\*: `32768`/);
  assert.match(hover.contents.value, /\(\[source\]\(https:\/\/github\.com\/kubernetes\/kubernetes\/pull\/137002\)\)/);
  assert.match(hover.contents.value, /Kubernetes 1\.33, from the kubeProxyTuner\.kubernetesVersion setting/);
  assert.deepEqual(hover.range, { start: { line: 4, character: 2 }, end: { line: 4, character: 12 } });
});

test('a client that only renders plain text gets plain text, in its language', async () => {
  const hover = await hoverOnMaxPerCore({ textDocument: { hover: { contentFormat: ['plaintext'] } } }, 'zh-cn');
  assert.equal(hover.contents.kind, 'plaintext');
  assert.ok(!hover.contents.value.includes('**'));
  assert.match(hover.contents.value, /建议值/);
  assert.match(hover.contents.value, /来源: https:\/\//);
});
