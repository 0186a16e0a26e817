/** Quick fixes and fix-all: before/after text, comments kept, valid YAML, and convergence. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { analyze } from '../../server/src/core/analyze.ts';
import { fixAll } from '../../server/src/core/fixAll.ts';
import { fixesFor, suppressionEdit } from '../../server/src/core/fixes.ts';
import { applyEdits } from '../../server/src/core/textEdits.ts';
import { KPC, findings } from './helpers.ts';

/** Applies the first (best) fix of the only finding of `rule` and returns the new text. */
function fixOnce(before: string, rule: string, minor = '1.34', pick = 0): string {
  const finding = analyze(before, { kubernetesVersion: minor }).findings.find((f) => f.rule === rule);
  assert.ok(finding, `no ${rule} finding in:\n${before}`);
  const fixes = fixesFor(before, finding, { locale: 'en' });
  assert.ok(fixes[pick], `no fix #${pick} for ${rule}`);
  return applyEdits(before, fixes[pick].edits);
}

const valid = (text: string) =>
  assert.deepEqual(
    parseAllDocuments(text, { version: '1.1' }).flatMap((d) => d.errors.map((e) => e.message)),
    [],
  );

describe('quick fixes (before -> after)', () => {
  const cases: { name: string; rule: string; before: string; after: string; minor?: string; pick?: number }[] = [
    {
      name: "moves the guide's logging.json under options, keeping its children",
      rule: 'unknown-field',
      before: `${KPC}logging:\n   flushFrequency: 0\n   options:\n   json:\n      infoBufferSize: "0" # keep me\n   verbosity: 0\n`,
      after: `${KPC}logging:\n   flushFrequency: 0\n   options:\n      json:\n         infoBufferSize: "0" # keep me\n   verbosity: 0\n`,
    },
    {
      name: 'renames a wrong-case key',
      rule: 'unknown-field',
      before: `${KPC}Mode: ipvs # big cluster\n`,
      after: `${KPC}mode: ipvs # big cluster\n`,
    },
    {
      name: 'renames a misspelled key (not preferred, offered)',
      rule: 'unknown-field',
      before: `${KPC}ipvs:\n  scheduller: rr\n`,
      after: `${KPC}ipvs:\n  scheduler: rr\n`,
    },
    {
      name: 'removes a field the version does not have',
      rule: 'unknown-field',
      minor: '1.28',
      before: `${KPC}conntrack:\n  min: 131072\n  tcpBeLiberal: true\n`,
      after: `${KPC}conntrack:\n  min: 131072\n`,
    },
    {
      name: 'adds the unit to a bare-number duration',
      rule: 'invalid-type',
      before: `${KPC}ipvs:\n  syncPeriod: 30\n`,
      after: `${KPC}ipvs:\n  syncPeriod: 30s\n`,
    },
    {
      name: 'adds the unit to a quoted bare number, keeping the quotes',
      rule: 'invalid-duration',
      before: `${KPC}configSyncPeriod: "15"\n`,
      after: `${KPC}configSyncPeriod: "15s"\n`,
    },
    {
      name: 'turns days into hours',
      rule: 'invalid-duration',
      before: `${KPC}conntrack:\n  tcpEstablishedTimeout: 2d\n`,
      after: `${KPC}conntrack:\n  tcpEstablishedTimeout: 48h\n`,
    },
    { name: 'lowercases an enum value', rule: 'proxy-mode', before: `${KPC}mode: IPVS\n`, after: `${KPC}mode: ipvs\n` },
    {
      name: 'replaces the removed userspace mode',
      rule: 'proxy-mode',
      before: `${KPC}mode: "userspace"\n`,
      after: `${KPC}mode: "iptables"\n`,
    },
    {
      name: 'fixes the case of detectLocalMode',
      rule: 'detect-local-mode',
      before: `${KPC}detectLocalMode: clustercidr\n`,
      after: `${KPC}detectLocalMode: ClusterCIDR\n`,
    },
    {
      name: 'quotes a YAML 1.1 boolean in a string field',
      rule: 'invalid-type',
      before: `${KPC}hostnameOverride: on\n`,
      after: `${KPC}hostnameOverride: "on"\n`,
    },
    {
      name: 'unquotes a number in an integer field',
      rule: 'invalid-type',
      before: `${KPC}iptables:\n  masqueradeBit: "14"\n`,
      after: `${KPC}iptables:\n  masqueradeBit: 14\n`,
    },
    {
      name: 'drops the earlier duplicate and keeps its comment',
      rule: 'duplicate-field',
      before: `${KPC}mode: iptables # old\nmode: ipvs\n`,
      after: `${KPC}# old\nmode: ipvs\n`,
    },
    {
      name: 'sets a locked feature gate back to its locked value',
      rule: 'feature-gates',
      minor: '1.33',
      before: `${KPC}featureGates:\n  NFTablesProxyMode: false\n`,
      after: `${KPC}featureGates:\n  NFTablesProxyMode: true\n`,
    },
    {
      name: 'fixes the case of a feature gate',
      rule: 'feature-gates',
      before: `${KPC}featureGates:\n  loggingalphaoptions: true\n`,
      after: `${KPC}featureGates:\n  LoggingAlphaOptions: true\n`,
    },
    {
      name: 'removes the --- under a comment header in a kubeadm file',
      rule: 'kubeadm-missing-gvk',
      before: '# cluster A\n---\napiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\n',
      after: '# cluster A\napiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\n',
    },
    {
      name: 'writes a kubeadm-parsable kubernetesVersion',
      rule: 'kubeadm-kubernetes-version',
      before: 'apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nkubernetesVersion: "1.34"\n',
      after: 'apiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\nkubernetesVersion: "v1.34.0"\n',
    },
    {
      name: 'fills an empty value',
      rule: 'show-hidden-metrics',
      minor: '1.34',
      before: `${KPC}showHiddenMetricsForVersion: "1.30"\n`,
      after: `${KPC}showHiddenMetricsForVersion: "1.33"\n`,
    },
    {
      name: 'keeps CRLF line endings',
      rule: 'unknown-field',
      before: `${KPC}Mode: ipvs\n`.replace(/\n/g, '\r\n'),
      after: `${KPC}mode: ipvs\n`.replace(/\n/g, '\r\n'),
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const after = fixOnce(c.before, c.rule, c.minor, c.pick);
      assert.equal(after, c.after);
      valid(after);
      assert.ok(
        !analyze(after, { kubernetesVersion: c.minor ?? '1.34' }).findings.some((f) => f.rule === c.rule && f.severity === 'error'),
        'the finding is gone',
      );
    });
  }

  it('offers no fix that would break the YAML', () => {
    const text = `${KPC}ipvs: {syncPeriod: 30, strictArp: true}\n`;
    for (const finding of analyze(text).findings) {
      for (const fix of fixesFor(text, finding)) valid(applyEdits(text, fix.edits));
    }
  });
  it("marks guesses as unsafe: a misspelling's nearest field, a value out of range", () => {
    const text = `${KPC}ipvs:\n  scheduller: rr\niptables:\n  masqueradeBit: 40\n`;
    const fixes = analyze(text).findings.flatMap((f) => fixesFor(text, f));
    assert.ok(fixes.length >= 2, fixes.map((fix) => fix.title).join(', '));
    assert.deepEqual(
      fixes.filter((fix) => fix.applicability === 'safe'),
      [],
    );
  });
});

describe('fix-all', () => {
  const messy = `# kube-proxy for cluster A\napiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nMode: IPVS  # chosen for scale\nipvs:\n  syncPeriod: 30   # seconds\n  minSyncPeriod: "1"\nhostnameOverride: yes\nconntrack:\n  maxPerCore: "32768"\nlogging:\n  options:\n  json:\n    infoBufferSize: "0"\n`;
  it('fixes everything fixable, keeps every comment, leaves valid YAML, and converges', () => {
    const first = fixAll(messy, { kubernetesVersion: '1.34' });
    valid(first.text);
    for (const comment of ['# kube-proxy for cluster A', '# chosen for scale', '# seconds'])
      assert.ok(first.text.includes(comment), comment);
    assert.deepEqual(
      first.remaining.filter((f) => f.severity === 'error').map((f) => f.rule),
      [],
    );
    assert.equal(
      first.text,
      `# kube-proxy for cluster A\napiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs  # chosen for scale\nipvs:\n  syncPeriod: 30s   # seconds\n  minSyncPeriod: "1s"\nhostnameOverride: "yes"\nconntrack:\n  maxPerCore: 32768\nlogging:\n  options:\n    json:\n      infoBufferSize: "0"\n`,
    );
    const second = fixAll(first.text, { kubernetesVersion: '1.34' });
    assert.equal(second.applied, 0);
    assert.equal(second.text, first.text);
  });
  it('can be limited to one rule', () => {
    const only = fixAll(messy, { kubernetesVersion: '1.34' }, 'invalid-duration');
    assert.match(only.text, /minSyncPeriod: "1s"/);
    assert.match(only.text, /Mode: IPVS/);
  });
  it('turns the guide example into a file without errors', () => {
    const guide = readFileSync(join(import.meta.dirname, '../../examples/guide-kube-proxy.yaml'), 'utf8');
    const fixed = fixAll(guide, { kubernetesVersion: '1.33' });
    assert.equal(fixed.applied, 1);
    assert.deepEqual(
      fixed.remaining.filter((f) => f.severity === 'error'),
      [],
    );
  });
});

describe('suppression comments', () => {
  it('silences a rule on the next line only', () => {
    const text = `${KPC}# kube-proxy-tuner-disable-next-line proxy-mode -- testing\nmode: foo\niptables:\n  masqueradeBit: 99\n`;
    assert.deepEqual(
      findings(text).map((f) => f.rule),
      ['masquerade-bit'],
    );
  });
  it('silences a rule for the whole document, not the next one', () => {
    const text = `${KPC}# kube-proxy-tuner-disable ipvs-deprecated\nmode: ipvs\n---\n${KPC}mode: ipvs\n`;
    assert.deepEqual(
      findings(text, { kubernetesVersion: '1.35' }).map((f) => `${f.rule} ${f.document}`),
      ['ipvs-deprecated 1'],
    );
  });
  it('inserts the comment with a quick fix, indented like the line, and the finding goes away', () => {
    const text = `${KPC}iptables:\n  masqueradeBit: 99\n`;
    const [finding] = findings(text);
    const after = applyEdits(text, [suppressionEdit(text, finding)!]);
    assert.equal(after, `${KPC}iptables:\n  # kube-proxy-tuner-disable-next-line masquerade-bit\n  masqueradeBit: 99\n`);
    assert.deepEqual(findings(after), []);
  });
});
