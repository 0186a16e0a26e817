/** kubeadm's reading of the file: document split, kinds, API versions, overrides, versions. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze.ts';
import { fixAll } from '../../server/src/core/fixAll.ts';
import { KPC, covered, errors, findings } from './helpers.ts';

const CLUSTER = (version = 'v1.34.1', api = 'kubeadm.k8s.io/v1beta4') =>
  `apiVersion: ${api}\nkind: ClusterConfiguration\nkubernetesVersion: ${version}\nnetworking:\n  podSubnet: 10.244.0.0/16\n`;

describe('version resolution', () => {
  it('takes the setting first, then ClusterConfiguration, then the newest minor', () => {
    const text = `${CLUSTER('v1.30.2', 'kubeadm.k8s.io/v1beta3')}---\n${KPC}`;
    assert.deepEqual(analyze(text, { kubernetesVersion: '1.33' }).version, { minor: '1.33', source: 'setting' });
    assert.deepEqual(analyze(text, { kubernetesVersion: 'auto' }).version, { minor: '1.30', source: 'file' });
    assert.deepEqual(analyze(KPC).version, { minor: '1.37', source: 'default' });
  });
  it('reads labels that name a minor and clamps versions outside 1.28–1.37', () => {
    assert.equal(analyze(`${CLUSTER('stable-1.31')}---\n${KPC}`).version.minor, '1.31');
    assert.deepEqual(analyze(`${CLUSTER('v1.27.3', 'kubeadm.k8s.io/v1beta3')}---\n${KPC}`).version, {
      minor: '1.28',
      source: 'file',
      requested: 'v1.27.3',
    });
    assert.equal(analyze(`${CLUSTER('stable')}---\n${KPC}`).version.source, 'default');
  });
  it("validates against the file's version: nftables is unknown on 1.28", () => {
    const text = `${CLUSTER('v1.28.4', 'kubeadm.k8s.io/v1beta3')}---\n${KPC}mode: nftables\n`;
    assert.deepEqual(
      errors(text).map((f) => f.rule),
      ['proxy-mode'],
    );
  });
});

describe('kubeadm document rules', () => {
  it('refuses a kind given twice', () => {
    const text = `${CLUSTER()}---\n${KPC}---\n${KPC}`;
    const found = errors(text);
    assert.deepEqual(
      found.map((f) => `${f.rule} ${f.document}`),
      ['kubeadm-duplicate-kind 2'],
    );
    assert.match(found[0].message, /kind "KubeProxyConfiguration" is specified twice in YAML file/);
  });
  it('refuses a comment header before the first ---', () => {
    const text = `# my cluster\n---\n${CLUSTER()}`;
    const found = errors(text);
    assert.deepEqual(
      found.map((f) => f.rule),
      ['kubeadm-missing-gvk'],
    );
    assert.equal(covered(text, found[0]), '# my cluster\n');
  });
  it('accepts a leading --- with nothing before it', () => {
    assert.deepEqual(errors(`---\n${CLUSTER()}---\n${KPC}`), []);
  });
  it('refuses documents without apiVersion or kind', () => {
    const found = errors(`${CLUSTER()}---\nfoo: bar\n`);
    assert.deepEqual(
      found.map((f) => f.rule),
      ['kubeadm-missing-gvk'],
    );
    assert.match(found[0].message, /GroupVersionKind \/, Kind=/);
  });
  it('refuses content after a --- separator', () => {
    const found = errors(`${CLUSTER()}--- {}\n${KPC}`);
    assert.ok(found.some((f) => f.rule === 'kubeadm-document-separator' && /invalid Yaml document separator: \{\}/.test(f.message)));
  });
  it('warns where kubeadm overrides kube-proxy values', () => {
    const text = `${CLUSTER()}---\n${KPC}clusterCIDR: 10.245.0.0/16\nbindAddress: 127.0.0.1\nclientConnection:\n  kubeconfig: /etc/kp.conf\n`;
    const found = findings(text).filter((f) => f.rule === 'kubeadm-override');
    assert.deepEqual(found.map((f) => f.path).sort(), ['bindAddress', 'clientConnection.kubeconfig', 'clusterCIDR']);
    assert.ok(found.every((f) => f.severity === 'warning'));
    assert.match(
      found.find((f) => f.path === 'clusterCIDR')!.message,
      /The recommended value for "clusterCIDR" in "KubeProxyConfiguration" is: 10\.244\.0\.0\/16; the provided value is: 10\.245\.0\.0\/16/,
    );
  });
  it('bindAddress: ≤1.36 compares with the advertise address family; 1.37 accepts both wildcards (kubernetes#139989)', () => {
    const INIT_V6 = 'apiVersion: kubeadm.k8s.io/v1beta4\nkind: InitConfiguration\nlocalAPIEndpoint:\n  advertiseAddress: fd00::10\n---\n';
    const bind = (version: string, value: string, init = '') =>
      findings(`${init}${CLUSTER(version)}---\n${KPC}bindAddress: "${value}"\n`).filter(
        (f) => f.rule === 'kubeadm-override' && f.path === 'bindAddress',
      );
    // ≤1.36: an explicit 0.0.0.0 with an IPv6 advertise address gets a contradictory warning (kubeadm#3319).
    assert.match(bind('v1.36.0', '0.0.0.0', INIT_V6)[0].message, /is: ::; the provided value is: 0\.0\.0\.0/);
    assert.deepEqual(bind('v1.37.0', '0.0.0.0', INIT_V6), []);
    assert.deepEqual(bind('v1.37.0', '::'), []);
    assert.match(bind('v1.37.0', '10.0.0.5')[0].message, /is: 0\.0\.0\.0; the provided value is: 10\.0\.0\.5/);
    assert.match(bind('v1.37.0', 'fd00::5')[0].message, /is: ::; the provided value is: fd00::5/);
    assert.match(bind('v1.37.0', 'node-a')[0].message, /The bindAddress "node-a" in "KubeProxyConfiguration" is not a valid IP address/);
  });
  it('does not apply kubeadm rules to a plain kube-proxy file', () => {
    assert.deepEqual(findings(`# header\n---\n${KPC}bindAddress: 127.0.0.1\n`), []);
  });
});

describe('kubeadm API and Kubernetes versions', () => {
  it('v1beta4 is experimental on 1.28–1.30, current on 1.31+', () => {
    for (const [minor, rules] of [
      ['1.30', ['kubeadm-api-version']],
      ['1.31', []],
      ['1.37', []],
    ] as const) {
      assert.deepEqual(
        errors(`${CLUSTER()}---\n${KPC}`, { kubernetesVersion: minor }).map((f) => f.rule),
        rules,
        minor,
      );
    }
  });
  it('v1beta3 is current to 1.30, deprecated 1.31–1.36 (warning), removed in 1.37', () => {
    const text = `${CLUSTER('v1.30.0', 'kubeadm.k8s.io/v1beta3')}---\n${KPC}`;
    assert.deepEqual(findings(text, { kubernetesVersion: '1.30' }), []);
    const on133 = findings(text, { kubernetesVersion: '1.33' });
    assert.deepEqual(
      on133.map((f) => `${f.rule} ${f.severity}`),
      ['kubeadm-api-version warning'],
    );
    assert.match(on133[0].message, /deprecated API spec/);
    assert.match(errors(text, { kubernetesVersion: '1.37' })[0].message, /Please use kubeadm v1\.36 instead/);
  });
  it('refuses kubernetesVersion values kubeadm cannot parse', () => {
    const text = `${CLUSTER('"1.33"')}`;
    const found = errors(text);
    assert.deepEqual(
      found.map((f) => f.rule),
      ['kubeadm-kubernetes-version'],
    );
    assert.match(found[0].message, /version "1\.33" doesn't match patterns/);
    assert.deepEqual(found[0].fixes, [{ intent: { kind: 'setValue', value: 'v1.33.0' }, applicability: 'safe' }]);
    assert.equal(analyze(text).version.minor, '1.33');
  });
});

describe('documents kubeadm does not read', () => {
  it('a KubeProxyConfiguration under kubeadm.k8s.io is ignored by kubeadm init and rejected by kubeadm config validate', () => {
    const text = `${CLUSTER()}---\napiVersion: kubeadm.k8s.io/v1beta4\nkind: KubeProxyConfiguration\nmode: ipvs\nipvs:\n  strictARP: true\n`;
    const found = findings(text).filter((f) => f.rule === 'kubeadm-kube-proxy-group');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'error');
    assert.equal(covered(text, found[0]), 'kubeadm.k8s.io/v1beta4');
    assert.match(found[0].message, /belongs to kubeproxy\.config\.k8s\.io\/v1alpha1/);
    assert.match(
      found[0].message,
      /\[config\] WARNING: Ignored configuration document with GroupVersionKind kubeadm\.k8s\.io\/v1beta4, Kind=KubeProxyConfiguration/,
    );
    assert.match(
      found[0].message,
      /unknown configuration APIs: \[\]schema\.GroupVersionKind\{schema\.GroupVersionKind\{Group:"kubeadm\.k8s\.io", Version:"v1beta4", Kind:"KubeProxyConfiguration"\}\}/,
    );
    // The fix gives the document its real group; then its settings are checked like any other.
    const fixed = fixAll(text, { kubernetesVersion: '1.34' });
    assert.match(fixed.text, /apiVersion: kubeproxy\.config\.k8s\.io\/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs/);
    assert.deepEqual(
      fixed.remaining.filter((f) => f.rule.startsWith('kubeadm-')).map((f) => f.rule),
      [],
    );
  });
  it('says "YAML document" up to 1.32 and "configuration document" from 1.33 (kubernetes#130345)', () => {
    const doc = (version: string) =>
      findings(`${CLUSTER(version)}---\napiVersion: kubeadm.k8s.io/v1beta4\nkind: KubeProxyConfiguration\n`).find(
        (f) => f.rule === 'kubeadm-kube-proxy-group',
      )!;
    assert.match(doc('v1.32.0').message, /Ignored YAML document with GroupVersionKind/);
    assert.match(doc('v1.33.0').message, /Ignored configuration document with GroupVersionKind/);
  });
  it("with a real KubeProxyConfiguration beside it, the fix is the user's choice (unsafe)", () => {
    const text = `${CLUSTER()}---\n${KPC}mode: nftables\n---\napiVersion: kubeadm.k8s.io/v1beta4\nkind: KubeProxyConfiguration\nmode: ipvs\n`;
    const found = findings(text).find((f) => f.rule === 'kubeadm-kube-proxy-group')!;
    assert.match(found.message, /keep one of the two/);
    assert.deepEqual(
      found.fixes?.map((fix) => fix.applicability),
      ['unsafe'],
    );
    assert.ok(
      findings(text).some((f) => f.rule === 'kubeadm-duplicate-kind'),
      'kubeadm keys documents by kind: specified twice',
    );
  });
  it('another kind pasted into a kubeadm file: a warning on its apiVersion, nothing else about it', () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n';
    const text = `${CLUSTER('v1.33.2')}---\n${deployment}`;
    const found = findings(text);
    assert.deepEqual(
      found.map((f) => `${f.rule} ${f.severity} ${f.document}`),
      ['kubeadm-ignored-document warning 1'],
    );
    assert.equal(covered(text, found[0]), 'apps/v1');
    assert.match(found[0].message, /\[config\] WARNING: Ignored configuration document with GroupVersionKind apps\/v1, Kind=Deployment/);
    assert.match(found[0].message, /unknown configuration APIs/);
    assert.match(findings(`${CLUSTER('v1.30.2', 'kubeadm.k8s.io/v1beta3')}---\n${deployment}`)[0].message, /Ignored YAML document/);
    // Kinds kubeadm reads are not reported, nor is a Deployment outside a kubeadm file.
    const known = `${CLUSTER()}---\napiVersion: kubeadm.k8s.io/v1beta4\nkind: JoinConfiguration\n---\napiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n`;
    assert.deepEqual(
      findings(known).filter((f) => f.rule === 'kubeadm-ignored-document'),
      [],
    );
    assert.deepEqual(findings(deployment), []);
  });
});
