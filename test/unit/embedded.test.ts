/**
 * A KubeProxyConfiguration where it really lives: the text of the kube-proxy ConfigMap (as kubeadm
 * writes it, as `kubectl get -o yaml` and `kubectl edit` show it, as people write it by hand) and a
 * kind cluster's kubeadmConfigPatches. Findings are asserted at their place in the outer file (found
 * by the text they point at), and every quick fix is applied and the file read again.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isMap, isScalar, parseAllDocuments, parseDocument, type Node } from 'yaml';
import { analyze } from '../../server/src/core/analyze.ts';
import { fixAll } from '../../server/src/core/fixAll.ts';
import { fixesFor, suppressionEdit } from '../../server/src/core/fixes.ts';
import { hoverAt } from '../../server/src/core/hover.ts';
import { applyEdits } from '../../server/src/core/textEdits.ts';
import type { AnalyzeOptions, Finding, Position } from '../../server/src/core/types.ts';
import { SUPPORTED_MINORS, minorNumber } from '../../server/src/knowledge/versions.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/embedded/${name}.yaml`, import.meta.url), 'utf8');

/** The position of the `occurrence`-th `needle` in the text (0-based line and character). */
function at(text: string, needle: string, occurrence = 0): Position {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `"${needle}" (#${i}) is not in the text`);
  }
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

const summary = (found: Finding[]): string[] =>
  found.map((f) => `${f.severity} ${f.rule} ${f.embedded?.in ?? '-'} ${f.path} @${f.range.start.line}:${f.range.start.character}`);

function problems(text: string, options: AnalyzeOptions = {}): Finding[] {
  return analyze(text, options).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
}

/** The outer file still loads, and every string value of the documents other than `hostPath` is unchanged. */
function assertOuterIntact(before: string, after: string, hostPath: string[]): void {
  const docs = parseAllDocuments(after, { version: '1.1' });
  for (const doc of docs) assert.deepEqual(doc.errors, [], after);
  const strip = (text: string): unknown[] =>
    parseAllDocuments(text, { version: '1.1' }).map((doc) => {
      const copy = doc.clone();
      copy.deleteIn(hostPath);
      return copy.toJS();
    });
  assert.deepEqual(strip(after), strip(before));
}

/** The string at `hostPath` in the first document. */
function hostString(text: string, hostPath: (string | number)[]): string {
  const value = parseDocument(text, { version: '1.1' }).getIn(hostPath, true) as Node;
  assert.ok(isScalar(value) && typeof value.value === 'string');
  return value.value;
}

describe('the kube-proxy ConfigMap as kubeadm writes it', () => {
  const dumps = ['1.28', '1.29', '1.31', '1.34', '1.37'] as const;
  for (const written of dumps) {
    it(`kubeadm ${written}: no error or warning on ${written} and every later minor, and its zeros are defaults`, () => {
      const text = fixture(`kubeadm-${written}`);
      for (const minor of SUPPORTED_MINORS.filter((m) => minorNumber(m) >= minorNumber(written))) {
        const result = analyze(text, { kubernetesVersion: minor });
        assert.equal(result.applies, true);
        assert.deepEqual(summary(problems(text, { kubernetesVersion: minor })), [], `checked as ${minor}`);
        // qps: 0, syncPeriod: 0s … are how kubeadm writes "default"; mode "" is kubeadm's to fill in.
        assert.ok(!result.findings.some((f) => f.rule === 'zero-means-default' || f.rule === 'explicit-proxy-mode'), minor);
      }
    });
  }
  it('a dump checked against an older minor names the fields that minor does not have, as kube-proxy would ignore them', () => {
    const text = fixture('kubeadm-1.31');
    const found = problems(text, { kubernetesVersion: '1.28' });
    assert.deepEqual(
      found.map((f) => `${f.severity} ${f.rule} ${f.path}`),
      [
        'warning unknown-field conntrack.tcpBeLiberal',
        'warning unknown-field conntrack.udpStreamTimeout',
        'warning unknown-field conntrack.udpTimeout',
        'warning unknown-field logging.options.text',
        'warning unknown-field nftables',
      ],
    );
    assert.match(found[0].message, /kube-proxy ignores it: it logs "Using lenient decoding as strict decoding failed"/);
    assert.deepEqual(found[4].range.start, at(text, 'nftables:'));
  });
  it('a configuration given to kubeadm init (no hash annotation) is still kubeadm-written: its zeros are defaults', () => {
    const text = fixture('kubeadm-1.32-user-supplied');
    const found = analyze(text, { kubernetesVersion: '1.32' }).findings;
    assert.ok(!found.some((f) => f.rule === 'zero-means-default'), summary(found).join('\n'));
    assert.deepEqual(summary(problems(text, { kubernetesVersion: '1.35' })), [
      `warning ipvs-deprecated data["config.conf"] mode @${at(text, 'ipvs\n', 0).line}:${at(text, 'mode: ipvs').character + 6}`,
    ]);
  });
});

describe('a hand-written kube-proxy ConfigMap', () => {
  const text = fixture('hand-written-mistakes');
  it('reports what kube-proxy would, at the right line and column of the ConfigMap', () => {
    assert.deepEqual(summary(problems(text)), [
      `error proxy-mode data["config.conf"] mode @${at(text, '"IPVS"').line}:${at(text, '"IPVS"').character}`,
      `warning unknown-field data["config.conf"] udpIdleTimeout @${at(text, 'udpIdleTimeout').line}:${at(text, 'udpIdleTimeout').character}`,
      `error invalid-type data["config.conf"] iptables.syncPeriod @${at(text, '30\n').line}:${at(text, '30\n').character}`,
    ]);
  });
  it('every quick fix lands inside config.conf with its indentation, keeps the comment and the other key', () => {
    for (const finding of analyze(text).findings) {
      for (const fix of fixesFor(text, finding)) {
        const after = applyEdits(text, fix.edits);
        assertOuterIntact(text, after, ['data', 'config.conf']);
        const inner = hostString(after, ['data', 'config.conf']);
        assert.match(inner, /# switched to IPVS for the load balancer/, fix.title);
        assert.equal(hostString(after, ['data', 'kubeconfig.conf']), hostString(text, ['data', 'kubeconfig.conf']));
        const still = analyze(after).findings.filter((f) => f.rule === finding.rule && f.path === finding.path);
        if (fix.applicability === 'safe') assert.deepEqual(still, [], `${fix.title} did not fix ${finding.rule}`);
      }
    }
  });
  it('fix-all repairs what kube-proxy rejects and leaves the rest to the user', () => {
    const fixed = fixAll(text);
    assert.equal(fixed.applied, 2);
    assert.equal(
      hostString(fixed.text, ['data', 'config.conf']),
      [
        'apiVersion: kubeproxy.config.k8s.io/v1alpha1',
        'kind: KubeProxyConfiguration',
        '# switched to IPVS for the load balancer',
        'mode: "ipvs"',
        'udpIdleTimeout: 250ms',
        'iptables:',
        '  syncPeriod: 30s',
        '',
      ].join('\n'),
    );
    assert.equal(fixAll(fixed.text).text, fixed.text);
  });
  it('the "disable for this line" comment goes into config.conf and silences the rule there', () => {
    const finding = analyze(text).findings.find((f) => f.rule === 'proxy-mode')!;
    const edit = suppressionEdit(text, finding)!;
    const after = applyEdits(text, [edit]);
    assert.match(hostString(after, ['data', 'config.conf']), /# kube-proxy-tuner-disable-next-line proxy-mode\nmode: "IPVS"/);
    assert.ok(!analyze(after).findings.some((f) => f.rule === 'proxy-mode'));
  });
  it('hovers on a field inside config.conf explain it, with the span in the ConfigMap', () => {
    const offset = text.indexOf('syncPeriod: 30') + 2;
    const hover = hoverAt(text, offset, { kubernetesVersion: '1.34' });
    assert.ok(hover);
    assert.match(hover.markdown, /\*\*iptables\.syncPeriod\*\*/);
    assert.equal(text.slice(hover.span.start, hover.span.end), 'syncPeriod');
  });
  it('keeps CRLF line breaks when a fix adds a line', () => {
    const crlf = fixture('metallb-strict-arp').replace(/\n/g, '\r\n');
    const finding = analyze(crlf).findings.find((f) => f.rule === 'metrics-loopback')!;
    const [fix] = fixesFor(crlf, finding);
    const after = applyEdits(crlf, fix.edits);
    assert.ok(!/[^\r]\n/.test(after), 'a bare LF was written into a CRLF file');
    assert.match(after, /\r\n {4}metricsBindAddress: 0\.0\.0\.0:10249\r\n/);
    assertOuterIntact(crlf, after, ['data', 'config.conf']);
  });
});

describe('other shapes of the kube-proxy ConfigMap', () => {
  it('MetalLB: strictARP written as `on`, a minSyncPeriod longer than the sync period', () => {
    const text = fixture('metallb-strict-arp');
    assert.deepEqual(summary(problems(text, { kubernetesVersion: '1.34' })), [
      `error sync-period data["config.conf"] ipvs.syncPeriod @${at(text, '30s').line}:${at(text, '30s').character}`,
    ]);
  });
  it('metricsBindAddress on every interface, kept trailing lines (|+): the profiling warning lands on its line', () => {
    const text = fixture('metrics-all-interfaces');
    const found = analyze(text, { kubernetesVersion: '1.34' }).findings;
    const profiling = found.find((f) => f.rule === 'profiling-enabled');
    assert.ok(profiling);
    assert.deepEqual(profiling.range.start, at(text, 'true'));
    assert.ok(!found.some((f) => f.rule === 'metrics-loopback'));
  });
  it('a file opened by kubectl edit (comment header, no annotations)', () => {
    const text = fixture('kubectl-edit');
    assert.deepEqual(summary(problems(text, { kubernetesVersion: '1.34' })), [
      `error conntrack data["config.conf"] conntrack.maxPerCore @${at(text, '-1').line}:${at(text, '-1').character}`,
    ]);
  });
  it('a double-quoted config.conf (kubectl prints one when a line ends in a space): positions and fixes through the escapes', () => {
    const text = fixture('double-quoted');
    const found = problems(text, { kubernetesVersion: '1.34' });
    assert.deepEqual(summary(found), [
      `error invalid-type data["config.conf"] ipvs.syncPeriod @${at(text, 'syncPeriod: 30').line}:${at(text, 'syncPeriod: 30').character + 12}`,
    ]);
    const [fix] = fixesFor(text, found[0]);
    const after = applyEdits(text, fix.edits);
    assert.match(after, /syncPeriod: 30s\\n/);
    assert.match(hostString(after, ['data', 'config.conf']), /\n {2}syncPeriod: 30s\n/);
    assertOuterIntact(text, after, ['data', 'config.conf']);
  });
  it('a single-quoted config.conf: positions through the folds, a fix that needs no line break', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: kube-proxy\ndata:\n  config.conf: 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\n\n    kind: KubeProxyConfiguration\n\n    mode: ''IPVS''\n\n    '\n`;
    const found = problems(text, { kubernetesVersion: '1.34' });
    assert.deepEqual(summary(found), [
      `error proxy-mode data["config.conf"] mode @${at(text, "''IPVS''").line}:${at(text, "''IPVS''").character}`,
    ]);
    const [fix] = fixesFor(text, found[0]);
    const after = applyEdits(text, fix.edits);
    assert.match(after, /mode: ''ipvs''\n/);
    assert.equal(
      hostString(after, ['data', 'config.conf']),
      "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: 'ipvs'\n",
    );
  });
  it('a List from kubectl get cm,ds: the version comes from the kube-proxy image, the JSON copy is not reported twice', () => {
    const text = fixture('list-with-daemonset');
    const result = analyze(text);
    assert.deepEqual(result.version, { minor: '1.30', source: 'file', from: 'registry.k8s.io/kube-proxy:v1.30.4' });
    assert.deepEqual(summary(problems(text)), [
      `error proxy-mode items[0].data["config.conf"] mode @${at(text, 'nftables\n').line}:${at(text, 'nftables\n').character}`,
      `error sync-period items[0].data["config.conf"] nftables.syncPeriod @${at(text, '30s').line}:${at(text, '30s').character}`,
    ]);
  });
  it('other ConfigMaps and other YAML get nothing', () => {
    const result = analyze(fixture('other-configmap'));
    assert.equal(result.applies, false);
    assert.deepEqual(result.findings, []);
  });
});

describe('kind cluster configs', () => {
  it('a top-level patch is checked as the partial document it is, against the node image version', () => {
    const text = fixture('kind-top-level');
    const result = analyze(text);
    assert.deepEqual(result.version, { minor: '1.33', source: 'file', from: 'kindest/node:v1.33.1' });
    assert.deepEqual(summary(problems(text)), [
      `error kind-feature-gates - featureGates.KubeProxyDrainingTerminatingNodes @${at(text, 'KubeProxyDrainingTerminatingNodes').line}:2`,
      `error invalid-type kubeadmConfigPatches[0] ipvs.syncPeriod @${at(text, '30\n').line}:${at(text, '30\n').character}`,
    ]);
    // No apiVersion in the patch is fine (kind matches by kind); the mode comes from networking.kubeProxyMode: no "ipvs settings unused".
    assert.ok(!result.findings.some((f) => f.rule === 'unsupported-api-version' || f.rule === 'explicit-proxy-mode'));
  });
  it('patches under nodes[]: only the first control-plane node reaches kube-proxy; a wrong apiVersion matches nothing', () => {
    const text = fixture('kind-nodes');
    assert.deepEqual(summary(problems(text)), [
      `warning kind-patch-mode nodes[0].kubeadmConfigPatches[0] mode @${at(text, 'mode: iptables').line}:${at(text, 'mode: iptables').character + 6}`,
      `warning kind-patch-ignored nodes[1].kubeadmConfigPatches[0] kind @${at(text, 'KubeProxyConfiguration', 1).line}:${at(text, 'KubeProxyConfiguration', 1).character}`,
      `warning kind-patch-ignored nodes[2].kubeadmConfigPatches[0] apiVersion @${at(text, 'kubeadm.k8s.io/v1beta3').line}:${at(text, 'kubeadm.k8s.io/v1beta3').character}`,
    ]);
  });
  it('networking.kubeProxyMode: kind refuses a mode it does not know; ipvs on 1.35+ is deprecated', () => {
    const invalid = fixture('kind-top-level').replace('kubeProxyMode: ipvs', 'kubeProxyMode: IPVS');
    const found = problems(invalid).find((f) => f.rule === 'kind-proxy-mode')!;
    assert.match(found.message, /`kind create cluster` refuses the file: invalid kubeProxyMode: IPVS/);
    assert.deepEqual(
      fixesFor(invalid, found).map((fix) => fix.title),
      ['Set networking.kubeProxyMode to ipvs'],
    );
    const newer = fixture('kind-top-level')
      .replaceAll('v1.33.1', 'v1.35.0')
      .replace(/\n {2}KubeProxyDrainingTerminatingNodes: false/, '');
    assert.deepEqual(
      problems(newer)
        .filter((f) => f.rule === 'kind-proxy-mode')
        .map((f) => `${f.severity} ${f.path}`),
      ['warning networking.kubeProxyMode'],
    );
  });
  it('a patch that copies the metadata of the kind template (kind deletes it after merging) is fine; other metadata is not', () => {
    const patch = (metadata: string): string =>
      `kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nkubeadmConfigPatches:\n- |\n  apiVersion: kubeproxy.config.k8s.io/v1alpha1\n  kind: KubeProxyConfiguration\n  metadata:\n    ${metadata}\n  mode: iptables\n`;
    assert.deepEqual(summary(problems(patch('name: config'))), []);
    assert.deepEqual(
      problems(patch('name: kube-proxy')).map((f) => `${f.rule} ${f.path}`),
      ['unknown-field metadata'],
    );
  });
  it('kubeProxyMode none: kind skips kube-proxy, a patch for it is dropped', () => {
    const text = fixture('kind-none');
    assert.deepEqual(summary(problems(text)), [
      `warning kind-patch-ignored kubeadmConfigPatches[0] kind @${at(text, 'KubeProxyConfiguration').line}:${at(text, 'KubeProxyConfiguration').character}`,
    ]);
  });
  it('the v1alpha3 config API: kind refuses the file, and its patches are still checked', () => {
    const text = fixture('kind-v1alpha3');
    assert.deepEqual(
      problems(text, { kubernetesVersion: '1.34' }).map((f) => `${f.severity} ${f.rule} ${f.path}`),
      ['error kind-api-version apiVersion', 'error ipvs-timeout ipvs.tcpTimeout'],
    );
  });
  it('every quick fix in a kind config keeps the file loadable and the other patches byte-identical', () => {
    for (const name of ['kind-top-level', 'kind-nodes', 'kind-v1alpha3']) {
      const text = fixture(name);
      const clusterPatch = /- \|\n {2}kind: ClusterConfiguration\n(?: {4}.*\n| {2}.*\n)*/.exec(text)?.[0];
      for (const finding of analyze(text).findings) {
        for (const fix of fixesFor(text, finding)) {
          const after = applyEdits(text, fix.edits);
          for (const doc of parseAllDocuments(after, { version: '1.1' })) assert.deepEqual(doc.errors, [], `${name}: ${fix.title}`);
          if (clusterPatch) assert.ok(after.includes(clusterPatch), `${name}: ${fix.title} touched the ClusterConfiguration patch`);
        }
      }
      assert.equal(fixAll(fixAll(text).text).applied, 0, name);
    }
  });
  it('a hover on networking.kubeProxyMode explains the mode kind writes for kube-proxy', () => {
    const text = fixture('kind-top-level');
    const hover = hoverAt(text, text.indexOf('kubeProxyMode') + 3);
    assert.ok(hover);
    assert.match(hover.markdown, /kind writes this into the KubeProxyConfiguration it generates, as `mode`/);
    assert.match(hover.markdown, /\*\*mode\*\*/);
    assert.match(hover.markdown, /kindest\/node:v1\.33\.1/);
  });
});

describe('the embedded text is read exactly', () => {
  it('block scalars in every chomping and indentation, and quoted strings with escapes and folds, give the parser`s value', async () => {
    const { scalarText } = await import('../../server/src/core/embedded/scalarText.ts');
    const inner =
      'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: "ipvs" \n\nipvs:\n  scheduler: \'rr\'\t\n  note: "é\\\\ \\"x\\""\n';
    for (const value of [inner, inner.trimEnd(), `${inner}\n\n`, `  ${inner}`]) {
      for (const type of ['BLOCK_LITERAL', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'] as const) {
        for (const indent of [2, 4]) {
          const doc = new (await import('yaml')).Document({ data: { 'config.conf': value } });
          const node = doc.getIn(['data', 'config.conf'], true) as Node;
          (node as { type?: string }).type = type;
          const text = doc.toString({ indent, lineWidth: 40 });
          const parsed = parseDocument(text, { version: '1.1' });
          const scalar = parsed.getIn(['data', 'config.conf'], true) as Node;
          const read = scalarText(text, scalar);
          assert.ok(read && isMap(parsed.get('data', true)));
          assert.equal(read.text, (scalar as { value: string }).value, `${type} ${indent}: ${JSON.stringify(text)}`);
          assert.equal(read.exact, true, `${type} ${indent}`);
          // Every character copied verbatim maps onto itself, and back.
          for (let i = 0; i < read.text.length; i++) {
            const outer = read.map.startOf(i);
            if (text[outer] === read.text[i] && read.map.endOf(i) === outer + 1) assert.equal(read.map.toInner(outer), i);
          }
        }
      }
    }
  });
});
