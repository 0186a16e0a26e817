/**
 * Fixes never lose or break what the user wrote. Each case is a shape a red-team pass found
 * losing data or leaving YAML that no longer loads; the expected text is what a careful person
 * would have written by hand.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { analyze } from '../../server/src/core/analyze.ts';
import { fixAll } from '../../server/src/core/fixAll.ts';
import { fixesFor } from '../../server/src/core/fixes.ts';
import { applyEdits } from '../../server/src/core/textEdits.ts';
import type { Finding } from '../../server/src/core/types.ts';
import { KPC, findings } from './helpers.ts';

const V = { kubernetesVersion: '1.34' };

/** The text loads as go-yaml would: no syntax error, no alias without its anchor. */
function loads(text: string): void {
  for (const doc of parseAllDocuments(text, { version: '1.1' })) {
    assert.deepEqual(
      doc.errors.map((error) => error.message),
      [],
    );
    assert.doesNotThrow(() => doc.toJS(), text);
  }
}

function only(text: string, rule: string, path?: string): Finding {
  const found = findings(text, V).filter((finding) => finding.rule === rule && (path === undefined || finding.path === path));
  assert.equal(found.length, 1, `${rule} ${path ?? ''}: ${JSON.stringify(findings(text, V).map((f) => `${f.rule}@${f.path}`))}`);
  return found[0];
}

const titles = (text: string, finding: Finding): string[] => fixesFor(text, finding).map((fix) => `${fix.applicability}: ${fix.title}`);

describe('a rename never lands on a key that is already set', () => {
  it('keeps the valid `mode` and offers only to remove the wrong-case one', () => {
    const text = `${KPC}mode: nftables\nMode: iptables   # the old one\n`;
    const finding = only(text, 'unknown-field', 'Mode');
    assert.match(finding.message, /"mode" is set too, and kube-proxy uses that one/);
    assert.deepEqual(titles(text, finding), ['unsafe: Remove Mode']);
    const fixed = fixAll(text, V);
    assert.equal(fixed.text, text);
    assert.equal(fixed.applied, 0);
  });
  it('does not rename a feature gate onto the same gate in its upstream spelling', () => {
    const text = `${KPC}featureGates:\n  NFTablesProxyMode: false\n  nftablesProxyMode: true\n`;
    const unknown = only(text, 'feature-gates', 'featureGates.nftablesProxyMode');
    assert.match(unknown.message, /NFTablesProxyMode is set too/);
    assert.deepEqual(titles(text, unknown), ['unsafe: Remove featureGates.nftablesProxyMode']);
    // The locked gate is still set to its only value; the stray spelling is left for the user.
    assert.equal(fixAll(text, V).text, `${KPC}featureGates:\n  NFTablesProxyMode: true\n  nftablesProxyMode: true\n`);
  });
  it('counts keys a merge key brings in', () => {
    const text = `${KPC}x-base: &base\n  mode: nftables\nclientConnection: {}\n<<: *base\nMode: iptables\n`;
    const finding = findings(text, V).find((f) => f.rule === 'unknown-field' && f.path === 'Mode');
    assert.ok(finding);
    assert.ok(!fixesFor(text, finding).some((fix) => fix.title.startsWith('Rename')), titles(text, finding).join(', '));
  });
  it('still renames when the target is free', () => {
    const text = `${KPC}Mode: iptables # chosen\n`;
    assert.equal(fixAll(text, V).text, `${KPC}mode: iptables # chosen\n`);
  });
  it('does not move a misplaced key onto the place it belongs when that is set too', () => {
    const text = `${KPC}logging:\n  json:\n    infoBufferSize: "1"\n  options:\n    json:\n      infoBufferSize: "0"\n`;
    const finding = only(text, 'unknown-field', 'logging.json');
    assert.match(finding.message, /which is set too/);
    assert.deepEqual(titles(text, finding), ['unsafe: Remove logging.json']);
  });
});

describe('no fix leaves an alias without its anchor', () => {
  it('does not remove a duplicate whose value carries an anchor used later', () => {
    const text = `${KPC}enableProfiling: &prof true\nenableProfiling: false\nipvs:\n  strictARP: *prof\n`;
    const finding = only(text, 'duplicate-field');
    assert.deepEqual(fixesFor(text, finding), []);
    assert.equal(fixAll(text, V).text, text);
  });
  it('does not move an anchored block below its alias', () => {
    const text = `${KPC}logging:\n  json: &j\n    infoBufferSize: "0"\n  options:\n    text: *j\n`;
    const finding = only(text, 'unknown-field', 'logging.json');
    assert.deepEqual(fixesFor(text, finding), []);
    const fixed = fixAll(text, V);
    loads(fixed.text);
    assert.equal(fixed.text, text);
  });
  it('does not change a value that an alias repeats elsewhere', () => {
    const text = `${KPC}mode: &m IPVS\nhostnameOverride: *m\n`;
    const finding = only(text, 'proxy-mode');
    assert.deepEqual(fixesFor(text, finding), []);
  });
  it('still removes a duplicate whose anchor nobody uses, keeping the anchor-free later value', () => {
    const text = `${KPC}enableProfiling: &prof true\nenableProfiling: false\n`;
    const after = applyEdits(text, fixesFor(text, only(text, 'duplicate-field'))[0].edits);
    loads(after);
    assert.equal(after, `${KPC}enableProfiling: false\n`);
  });
});

describe('an alias without an anchor is an error, as in go-yaml', () => {
  it('reports an unknown anchor where it is used', () => {
    const text = `${KPC}enableProfiling: *nope\n`;
    const [finding] = findings(text, V);
    assert.equal(finding.rule, 'yaml-syntax');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /unknown anchor 'nope' referenced/);
    assert.equal(text.slice(finding.span.start, finding.span.end), '*nope');
  });
  it('reports an alias used before its anchor', () => {
    const text = `${KPC}ipvs:\n  strictARP: *later\nenableProfiling: &later true\n`;
    assert.match(only(text, 'yaml-syntax').message, /unknown anchor 'later' referenced/);
  });
  it('leaves aliases with their anchors alone', () => {
    assert.deepEqual(findings(`${KPC}enableProfiling: &p false\nipvs:\n  strictARP: *p\n`, V), []);
  });
});

describe('comments and block scalars', () => {
  it('keeps a comment written on a removed separator line', () => {
    const text =
      '# cluster-a, written by ops\n--- # IMPORTANT: cluster-a settings\napiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\n';
    const fixed = fixAll(text, V);
    assert.equal(
      fixed.text,
      '# cluster-a, written by ops\n# IMPORTANT: cluster-a settings\napiVersion: kubeadm.k8s.io/v1beta4\nkind: ClusterConfiguration\n',
    );
    assert.deepEqual(
      fixed.remaining.filter((f) => f.rule === 'kubeadm-missing-gvk'),
      [],
    );
  });
  it('keeps the CRLF of a separator line', () => {
    const text = '# header\r\n--- # note\r\napiVersion: kubeadm.k8s.io/v1beta4\r\nkind: ClusterConfiguration\r\n';
    assert.equal(fixAll(text, V).text, '# header\r\n# note\r\napiVersion: kubeadm.k8s.io/v1beta4\r\nkind: ClusterConfiguration\r\n');
  });
  it('never turns block-scalar text into a comment when removing a duplicate', () => {
    const text = `${KPC}hostnameOverride: |\n  node-1 # not a comment\nhostnameOverride: node-2 # the one in use\n`;
    const fixed = fixAll(text, V);
    assert.equal(fixed.text, `${KPC}hostnameOverride: node-2 # the one in use\n`);
  });
  it('keeps the real comments of a removed duplicate, not a # inside its quoted value', () => {
    const text = `${KPC}hostnameOverride: "a # b" # old name\nhostnameOverride: node-2\n`;
    assert.equal(fixAll(text, V).text, `${KPC}# old name\nhostnameOverride: node-2\n`);
  });
});

describe('setting an empty value', () => {
  const set = (text: string, path: string): string => {
    const finding = analyze(text, V).findings.find((f) => f.path === path)!;
    return applyEdits(text, fixesFor(text, finding)[0].edits);
  };
  it('keeps the comment after it a comment (found by fuzzing)', () => {
    assert.equal(
      set(`${KPC}mode: nftables\nmetricsBindAddress:    # set me\n`, 'metricsBindAddress'),
      `${KPC}mode: nftables\nmetricsBindAddress: 0.0.0.0:10249    # set me\n`,
    );
  });
  it('replaces an explicit tag on an empty value, keeping the blanks before the comment', () => {
    assert.equal(
      set(`${KPC}mode: nftables\nmetricsBindAddress: !!str   # set me\n`, 'metricsBindAddress'),
      `${KPC}mode: nftables\nmetricsBindAddress: 0.0.0.0:10249   # set me\n`,
    );
  });
  it('drops trailing blanks', () => {
    assert.equal(
      set(`${KPC}mode: nftables\nmetricsBindAddress:   \n`, 'metricsBindAddress'),
      `${KPC}mode: nftables\nmetricsBindAddress: 0.0.0.0:10249\n`,
    );
  });
});

describe('values keep their meaning', () => {
  it('does not unquote "010" into YAML 1.1 octal; the decimal is offered as an unsafe fix', () => {
    const text = `${KPC}oomScoreAdj: "010"\n`;
    const finding = only(text, 'invalid-type');
    assert.match(finding.message, /a leading 0 makes it octal/);
    assert.deepEqual(titles(text, finding), ['unsafe: Set oomScoreAdj to 10']);
    assert.equal(fixAll(text, V).text, text);
  });
  it('still unquotes a number that reads back the same', () => {
    assert.equal(fixAll(`${KPC}oomScoreAdj: "-999"\n`, V).text, `${KPC}oomScoreAdj: -999\n`);
  });
  it('drops an explicit tag with the value it typed, and keeps an anchor', () => {
    const text = `${KPC}mode: iptables\niptables:\n  syncPeriod: !!int 30 # seconds\n  minSyncPeriod: &m !!int 1\n`;
    const fixed = fixAll(text, V);
    assert.equal(fixed.text, `${KPC}mode: iptables\niptables:\n  syncPeriod: 30s # seconds\n  minSyncPeriod: &m 1s\n`);
    loads(fixed.text);
  });
  it('quotes a tagged YAML 1.1 boolean without leaving the tag behind', () => {
    assert.equal(fixAll(`${KPC}hostnameOverride: !!bool yes\n`, V).text, `${KPC}hostnameOverride: "yes"\n`);
  });
});

describe('a literal key with dots is its own key', () => {
  const text = `${KPC}ipvs:\n  scheduler: rr\n"ipvs.syncPeriod": 10s\n`;
  it('is reported at its own path, quoted, and never confused with ipvs.syncPeriod', () => {
    const finding = only(text, 'unknown-field');
    assert.equal(finding.path, '["ipvs.syncPeriod"]');
    assert.equal(text.slice(finding.span.start, finding.span.end), '"ipvs.syncPeriod"');
    assert.match(finding.message, /write it nested, as "ipvs\.syncPeriod"/);
  });
  it('moves under ipvs once, then fix-all has nothing left to do', () => {
    const first = fixAll(text, V);
    assert.equal(first.text, `${KPC}ipvs:\n  scheduler: rr\n  syncPeriod: 10s\n`);
    assert.equal(first.applied, 1);
    const second = fixAll(first.text, V);
    assert.equal(second.applied, 0);
    assert.equal(second.text, first.text);
  });
  it('is not moved when ipvs.syncPeriod is set too', () => {
    const both = `${KPC}ipvs:\n  syncPeriod: 30s\n"ipvs.syncPeriod": 10s\n`;
    const fixed = fixAll(both, V);
    assert.equal(fixed.text, both);
    assert.equal(fixed.applied, 0);
  });
});

describe('__proto__ is a key like any other', () => {
  it('reports __proto__ as an unknown field at the root and nested, and nothing inside it at the root', () => {
    const text = `${KPC}__proto__:\n  bogus: 1\nipvs:\n  __proto__:\n    x: 1\n`;
    assert.deepEqual(
      findings(text, V).map((f) => `${f.rule}@${f.path}`),
      ['unknown-field@__proto__', 'unknown-field@ipvs.__proto__'],
    );
  });
  it('reports a feature gate named __proto__ or constructor as unknown', () => {
    const text = `${KPC}featureGates:\n  __proto__: true\n  constructor: false\n`;
    assert.deepEqual(
      findings(text, V).map((f) => `${f.rule}@${f.path}`),
      ['feature-gates@featureGates.__proto__', 'feature-gates@featureGates.constructor'],
    );
  });
});

describe("alias expansion follows go-yaml's limit", () => {
  it('reads a 100,001-item list without aliases', () => {
    const items = Array.from({ length: 100_001 }, (_, i) => `- 10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}/32`).join('\n');
    const text = `${KPC}nodePortAddresses:\n${items}\n`;
    assert.ok(!findings(text, V).some((f) => f.rule === 'yaml-syntax'), 'no alias-limit finding');
  });
  it("refuses an alias bomb with go-yaml's words", () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const text = `${KPC}${lines.join('\n')}\n`;
    const finding = only(text, 'yaml-syntax');
    assert.match(finding.message, /document contains excessive aliasing/);
  });
});

describe('fix-all only applies safe fixes', () => {
  it('leaves recommendations (unsafe) alone and says how many fixes it applied', () => {
    const text = `${KPC}mode: IPVS\nenableProfiling: true\n`;
    const fixed = fixAll(text, { kubernetesVersion: '1.34' });
    assert.equal(fixed.text, `${KPC}mode: ipvs\nenableProfiling: true\n`);
    assert.equal(fixed.applied, 1);
    assert.ok(analyze(fixed.text, V).findings.some((f) => f.rule === 'profiling-enabled'));
  });
});
