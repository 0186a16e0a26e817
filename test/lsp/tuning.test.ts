/**
 * Tuning through the language server: `kubeProxyTuner.metrics` names saved scrapes (relative to the
 * workspace folder), the server reads them, publishes tuning diagnostics with their evidence, shows
 * what was measured in the hover of the field, offers "Apply all recommendations", re-reads a scrape
 * replaced on disk, and reports a file that is not a scrape.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient.ts';
import { realScrape, times, withObservations } from '../fixtures/metrics/derive.ts';

const CONFIG = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: iptables\niptables:\n  syncPeriod: 30s\n';

/** The real 1.29 scrape with 20 syncs of `seconds` in every sync histogram. */
function scrapeWithSyncs(seconds: number): string {
  let text = realScrape('kube-proxy-1.29-iptables-kind');
  for (const family of [
    'kubeproxy_sync_proxy_rules_duration_seconds',
    'kubeproxy_sync_full_proxy_rules_duration_seconds',
    'kubeproxy_sync_partial_proxy_rules_duration_seconds',
  ])
    text = withObservations(text, family, times(20, seconds));
  return text;
}

test('a scrape named in the settings gives tuning diagnostics, hover evidence and "Apply all recommendations"', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'kpt-lsp-tuning-'));
  writeFileSync(join(folder, 'kube-proxy.prom'), scrapeWithSyncs(3));
  writeFileSync(join(folder, 'notes.txt'), 'not a scrape\n');
  const client = new LspClient();
  try {
    await client.initialize({
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'cluster' }],
      capabilities: { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } } },
      initializationOptions: { settings: { kubernetesVersion: '1.29', metrics: ['kube-proxy.prom', 'notes.txt'] } },
    });
    // The configuration sits in a subfolder: relative paths start from the workspace folder, not from it.
    mkdirSync(join(folder, 'clusters'));
    const uri = pathToFileURL(join(folder, 'clusters', 'kube-proxy.yaml')).href;
    client.open(uri, CONFIG);
    const published = await client.waitForNotification<{ uri: string; diagnostics: { code: string; message: string; range: unknown }[] }>(
      'textDocument/publishDiagnostics',
      (params) => params.uri === uri && params.diagnostics.some((d) => d.code === 'tuning-min-sync-period'),
    );
    const tuning = published.diagnostics.find((d) => d.code === 'tuning-min-sync-period')!;
    assert.match(tuning.message, /take 3\.00 s on average \(kubeproxy_sync_partial_proxy_rules_duration_seconds, 20 syncs/);
    const version = await client.waitForNotification('kubeProxyTuner/version', (params) => params.uri === uri);
    assert.deepEqual(version.metricsFiles, ['kube-proxy.prom']);
    assert.match(version.metricsProblems.join('\n'), /notes\.txt is not a kube-proxy or node_exporter scrape/);

    // The hover of the section (the finding sits on the `iptables` key: minSyncPeriod is not written) shows what was measured.
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 3, character: 2 },
    });
    assert.match(hover.contents.value, /\*\*Measured\*\* \(tuning-min-sync-period\): kube-proxy's rule syncs take 3\.00 s/);

    const actions = await client.request<{ title: string; kind: string; data?: unknown }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: tuning.range,
      context: { diagnostics: [tuning] },
    });
    const recommendations = actions.find((action) => action.kind === 'source.kubeProxyTuner.applyRecommendations');
    assert.ok(recommendations, JSON.stringify(actions.map((a) => a.title)));
    const resolved = await client.request<{ edit: { changes: Record<string, { newText: string }[]> } }>(
      'codeAction/resolve',
      recommendations,
    );
    assert.match(resolved.edit.changes[uri][0].newText, /minSyncPeriod: 6s/);

    // A new scrape on disk (syncs of 0.1 s): the finding goes.
    writeFileSync(join(folder, 'kube-proxy.prom'), scrapeWithSyncs(0.1));
    await client.waitForNotification<{ uri: string; diagnostics: { code: string }[] }>(
      'textDocument/publishDiagnostics',
      (params) => params.uri === uri && !params.diagnostics.some((d) => d.code === 'tuning-min-sync-period'),
    );
  } finally {
    await client.shutdown();
  }
});
