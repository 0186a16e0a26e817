/** Hover text: meaning, type, default, recommendation and why, version notes, kubeadm, link, footer. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt } from '../../server/src/core/hover.ts';
import { FIELDS, fieldsOf } from '../../server/src/knowledge/fields.ts';
import { KPC } from './helpers.ts';

const at = (text: string, needle: string, options = {}) => hoverAt(text, text.indexOf(needle) + 1, options);

describe('hover', () => {
  const text = `${KPC}mode: ipvs\nclientConnection:\n  qps: 50\nipvs:\n  syncPeriod: 30s\n  minSyncPeriod: 0s\n`;
  it('on a key: meaning, type, default, recommendation with rationale and source, link, footer', () => {
    const hover = at(text, 'minSyncPeriod', { kubernetesVersion: '1.34' })!;
    assert.ok(hover);
    assert.match(hover.markdown, /\*\*ipvs\.minSyncPeriod\*\*/);
    assert.match(hover.markdown, /Type: a duration string such as 30s/);
    assert.match(hover.markdown, /Default: `0s`/);
    assert.match(hover.markdown, /Recommended\*\*: `1s`/);
    assert.match(hover.markdown, /Why: .*\(\[source\]\(https:\/\/kubernetes\.io\/docs\/reference\/networking\/virtual-ips\/\)\)/);
    const qps = at(text, 'qps', { kubernetesVersion: '1.34' })!;
    assert.match(qps.markdown, /Default: `5`/);
    assert.doesNotMatch(qps.markdown, /Recommended/, 'no recommendation to raise qps without evidence');
    assert.match(qps.markdown, /rest_client_rate_limiter_duration_seconds/);
    assert.match(hover.markdown, /\(https:\/\/kubernetes\.io\/docs\/reference\/config-api\/kube-proxy-config\.v1alpha1\/#/);
    assert.match(hover.markdown, /Kubernetes 1\.34, from the kubeProxyTuner\.kubernetesVersion setting/);
    assert.equal(text.slice(hover.span.start, hover.span.end), 'minSyncPeriod');
  });
  it('on an enum value explains the value, with its version notes for the targeted minor', () => {
    const hover = at(text, 'ipvs\n', { kubernetesVersion: '1.35' })!;
    assert.match(hover.markdown, /Value `ipvs`/);
    assert.match(hover.markdown, /1\.35/);
  });
  it('marks fields the targeted version does not have', () => {
    const hover = at(`${KPC}nftables:\n  masqueradeBit: 14\n`, 'nftables:', { kubernetesVersion: '1.28' })!;
    assert.match(hover.markdown, /Not a field of Kubernetes 1\.28/);
  });
  it('gives an overview on apiVersion and kind', () => {
    assert.match(at(text, 'kind')!.markdown, /KubeProxyConfiguration/);
  });
  it('adds the kubeadm note in kubeadm files', () => {
    const kubeadm = `apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nkubernetesVersion: v1.33.0\n---\n${KPC}clusterCIDR: 10.244.0.0/16\n`;
    const hover = at(kubeadm, 'clusterCIDR')!;
    assert.match(hover.markdown, /\*\*kubeadm\*\*: /);
    assert.match(hover.markdown, /podSubnet/);
    assert.match(hover.markdown, /from ClusterConfiguration\.kubernetesVersion in this file/);
  });
  it('speaks Chinese and has a plain-text form', () => {
    const hover = at(text, 'syncPeriod', { locale: 'zh-cn' })!;
    assert.match(hover.markdown, /类型/);
    assert.ok(!hover.plaintext.includes('**') && !hover.plaintext.includes('`'));
  });
  it('has nothing for other YAML or outside fields', () => {
    assert.equal(at('apiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\n', 'data'), undefined);
    assert.equal(at(`${KPC}unknownThing: 1\n`, 'unknownThing'), undefined);
  });
  it('works for every field of every version (knowledge covers the whole surface)', () => {
    const paths = new Set(FIELDS.map((field) => field.path));
    for (const field of fieldsOf('1.37')) assert.ok(paths.has(field.path), field.path);
  });
});

describe('hover on every field', () => {
  const docs = new Map(FIELDS.map((field) => [field.path, field]));
  for (const field of fieldsOf('1.37').filter((f) => !f.path.includes('[]') && f.path !== 'apiVersion' && f.path !== 'kind')) {
    it(field.path, () => {
      const segments = field.path.split('.');
      const yaml = segments.map((segment, i) => `${'  '.repeat(i)}${segment}:`).join('\n');
      const text = `${KPC}${yaml}\n`;
      const offset = text.lastIndexOf(`${segments[segments.length - 1]}:`) + 1;
      const doc = docs.get(field.path)!;
      for (const locale of ['en', 'zh-cn'] as const) {
        const hover = hoverAt(text, offset, { kubernetesVersion: '1.37', locale });
        assert.ok(hover, 'no hover');
        const text2 = hover.markdown;
        assert.ok(text2.includes(locale === 'en' ? doc.meaning.en : doc.meaning.zh), 'meaning');
        if (doc.recommended) assert.ok(text2.includes(`\`${String(doc.recommended.value)}\``), 'recommended value');
        for (const note of doc.versions ?? []) assert.ok(text2.includes(locale === 'en' ? note.note.en : note.note.zh), 'version note');
        assert.ok(text2.includes(doc.docs), 'docs link');
      }
    });
  }
});
