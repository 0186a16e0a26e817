/**
 * Every snippet in snippets/kubeadm.json, expanded with its defaults (first choices), is analysed on
 * every Kubernetes minor its description claims ("Kubernetes 1.NN–1.MM"): no errors, no warnings, no
 * best-practice advice, and every value that the knowledge base recommends equals the recommendation.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze.ts';
import { parseFile } from '../../server/src/core/parse.ts';
import { routeDocument } from '../../server/src/core/route.ts';
import { routeEmbedded } from '../../server/src/core/embedded/analyzeEmbedded.ts';
import { findEmbeddings } from '../../server/src/core/embedded/hosts.ts';
import { minorFromVersionText } from '../../server/src/core/version.ts';
import { FIELDS } from '../../server/src/knowledge/fields.ts';
import { fieldFact } from '../../server/src/knowledge/fields.ts';
import { isSupportedMinor, minorNumber, SUPPORTED_MINORS, type Minor } from '../../server/src/knowledge/versions.ts';
import { isDocumentSnippet, localizedDescription, SNIPPET_DEFINITIONS, type SnippetDefinition } from '../../server/src/lsp/snippets.ts';
import { choicesOf, expandSnippet, type ExpandOptions } from './snippetExpand.ts';

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const fileSnippets: Record<string, SnippetDefinition> = JSON.parse(readFileSync(new URL('snippets/kubeadm.json', root), 'utf8'));

/** The minors a snippet claims, from "Kubernetes 1.NN–1.MM" in its description (both languages). */
function claimedMinors(snippet: SnippetDefinition): Minor[] {
  const en = /Kubernetes (1\.\d+)[–-](1\.\d+)/.exec(localizedDescription(snippet.description, 'en'));
  const zh = /Kubernetes (1\.\d+)[–-](1\.\d+)/.exec(localizedDescription(snippet.description, 'zh-cn'));
  assert.ok(en && zh, `${snippet.prefix}: the description must claim "Kubernetes 1.NN–1.MM" in both languages`);
  assert.deepEqual([zh[1], zh[2]], [en[1], en[2]], `${snippet.prefix}: both languages claim the same range`);
  return SUPPORTED_MINORS.filter((minor) => minorNumber(minor) >= minorNumber(en[1]) && minorNumber(minor) <= minorNumber(en[2]));
}

/** The mode the knowledge base suggests on a minor: nftables from 1.33 (see the mode entry), else the default. */
function recommendedMode(minor: Minor): string {
  return minorNumber(minor) >= 33 ? 'nftables' : 'iptables';
}

/** A part of a KubeProxyConfiguration becomes a whole document in the recommended mode. */
function asFile(snippet: SnippetDefinition, expanded: string, minor: Minor): string {
  if (isDocumentSnippet(snippet)) return expanded;
  const mode = /^nftables:/m.test(expanded) ? 'nftables' : /^ipvs:/m.test(expanded) ? 'ipvs' : recommendedMode(minor);
  return `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ${mode}\n${expanded}`;
}

/** The choice that names the Kubernetes version: a ClusterConfiguration's kubernetesVersion, or a kind node image. */
const kubernetesVersionChoice = (snippet: SnippetDefinition) =>
  choicesOf(snippet.body).find((choice) =>
    snippet.body.some(
      (line) => line.includes(`kubernetesVersion: \${${choice.tabStop}|`) || line.includes(`image: kindest/node:\${${choice.tabStop}|`),
    ),
  );

/** Expand for one minor: the kubernetesVersion choice that names it, if the snippet has one. */
function expandFor(snippet: SnippetDefinition, minor: Minor, extra: ExpandOptions['choose'] = {}): { text: string; setting: string } {
  const versionChoice = kubernetesVersionChoice(snippet);
  if (!versionChoice) return { text: asFile(snippet, expandSnippet(snippet.body, { choose: extra }), minor), setting: minor };
  const index = versionChoice.options.findIndex((option) => minorFromVersionText(option) === minorNumber(minor));
  assert.ok(index >= 0, `${snippet.prefix}: no kubernetesVersion choice for ${minor}`);
  return { text: expandSnippet(snippet.body, { choose: { [versionChoice.tabStop]: index, ...extra } }), setting: 'auto' };
}

/** The one KubeProxyConfiguration of a snippet: a document of its own, or the text of a ConfigMap or kind patch. */
function kubeProxyValue(text: string): Record<string, unknown> {
  const routed = parseFile(text).documents.map(routeDocument);
  const documents = [
    ...routed.filter((document) => document.role === 'kube-proxy'),
    ...findEmbeddings(text, routed).flatMap((embedding) =>
      routeEmbedded(embedding.scalar.text).documents.filter((document) => document.role === 'kube-proxy'),
    ),
  ];
  assert.equal(documents.length, 1, 'one KubeProxyConfiguration document');
  return documents[0].decoded!.value as Record<string, unknown>;
}

/** A kind patch is merged into the document kind generates: it holds what it changes, not a whole configuration. */
const isKindSnippet = (snippet: SnippetDefinition): boolean => snippet.body.includes('kind: Cluster');

function leaves(value: unknown, path = ''): [string, unknown][] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, path === '' ? key : `${path}.${key}`));
  }
  return [[path, value]];
}

const RECOMMENDED = FIELDS.filter((field) => field.recommended);
const entries = Object.entries(fileSnippets);

describe('snippets', () => {
  it('are contributed for YAML in package.json and are what the server offers', () => {
    assert.deepEqual(manifest.contributes.snippets, [{ language: 'yaml', path: './snippets/kubeadm.json' }]);
    assert.deepEqual(SNIPPET_DEFINITIONS, fileSnippets);
    const prefixes = entries.map(([, snippet]) => snippet.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
    assert.ok(entries.length >= 8);
  });

  it('have descriptions in English and Chinese', () => {
    for (const [name, snippet] of entries) {
      const en = localizedDescription(snippet.description, 'en');
      const zh = localizedDescription(snippet.description, 'zh-cn');
      assert.notEqual(en, zh, `${name}: "English / 中文"`);
      assert.doesNotMatch(en, /[\u3400-\u9fff]/, `${name}: English half`);
      assert.match(zh, /[\u3400-\u9fff]/, `${name}: Chinese half`);
    }
  });

  it('let the user decide mode, CIDRs and the Kubernetes version with choices', () => {
    const all = entries.map(([, snippet]) => snippet.body.join('\n')).join('\n');
    for (const key of ['mode', 'podSubnet', 'serviceSubnet', 'clusterCIDR', 'kubernetesVersion']) {
      assert.match(all, new RegExp(`${key}: \\$\\{\\d+\\|`), `a choice for ${key}`);
    }
    // No scheduler picker: every endpoint has weight 1 and each node sees only its own connections.
    assert.doesNotMatch(all, /scheduler: \$\{/);
    assert.match(all, /^  scheduler: rr$/m);
    for (const [name, snippet] of entries) {
      const versionChoice = kubernetesVersionChoice(snippet);
      if (!versionChoice) continue;
      const offered = versionChoice.options.map((option) => `1.${minorFromVersionText(option)}`).sort();
      assert.deepEqual(
        offered,
        [...claimedMinors(snippet)].sort(),
        `${name}: the kubernetesVersion choices are exactly the claimed minors`,
      );
    }
  });

  it('claim only supported minors, and nftables only from 1.33 where upstream recommends it', () => {
    for (const [name, snippet] of entries) {
      const minors = claimedMinors(snippet);
      assert.ok(minors.length > 0 && minors.every(isSupportedMinor), name);
      const text = expandSnippet(snippet.body);
      if (/^mode: nftables$/m.test(text) || /^nftables:/m.test(text))
        assert.ok(
          minors.every((minor) => minorNumber(minor) >= 33),
          `${name}: nftables snippets are for 1.33+`,
        );
    }
  });

  for (const [name, snippet] of entries) {
    describe(snippet.prefix, () => {
      for (const minor of claimedMinors(snippet)) {
        it(`expands with its defaults to a config without errors, warnings or advice on ${minor}`, () => {
          const { text, setting } = expandFor(snippet, minor);
          assert.doesNotMatch(text, /\$\{|\$\d/, 'fully expanded');
          const result = analyze(text, { kubernetesVersion: setting, clusterScale: 'large', monitoring: true });
          assert.equal(result.applies, true);
          assert.equal(result.version.minor, minor, `${name}: analysed as ${minor}`);
          // A part is judged on its own keys only (the wrapper around it is not the snippet's).
          const keys = isDocumentSnippet(snippet)
            ? undefined
            : [...expandSnippet(snippet.body).matchAll(/^([A-Za-z]+):/gm)].map((m) => m[1]);
          const relevant = result.findings.filter((f) => f.severity === 'error' || !keys || keys.includes(f.path.split(/[.[]/)[0]));
          const noisy = relevant.map((f) => `${f.severity} ${f.rule} ${f.path}: ${f.message.slice(0, 160)}`);
          assert.deepEqual(noisy, [], `${name} on ${minor}`);
        });

        it(`keeps every value the knowledge base recommends on ${minor}`, () => {
          const value = kubeProxyValue(expandFor(snippet, minor).text);
          for (const [path, actual] of leaves(value)) {
            const doc = RECOMMENDED.find((candidate) => candidate.path === path);
            if (!doc) continue;
            let expected = doc.recommended!.value;
            if (path === 'mode') {
              // The knowledge base recommends nftables "when 1.33 and newer" and no mode before: the
              // ipvs snippets of 1.28–1.32 are for clusters that run ipvs, a choice that stays the user's.
              assert.match(doc.recommended!.when!.en, /1\.33/);
              if (minorNumber(minor) < 33) continue;
              expected = recommendedMode(minor);
            }
            assert.deepEqual(actual, expected, `${name}: ${path} on ${minor}`);
          }
          if (!isDocumentSnippet(snippet) || isKindSnippet(snippet)) return;
          // A whole document sets every recommended field of its mode (none of another mode's section).
          const mode = String(value.mode);
          for (const doc of RECOMMENDED) {
            const section = doc.path.split('.')[0];
            if (['iptables', 'ipvs', 'nftables'].includes(section) && section !== mode) continue;
            if (!fieldFact(doc.path)) continue;
            assert.ok(
              leaves(value).some(([path]) => path === doc.path),
              `${name}: sets ${doc.path} on ${minor}`,
            );
          }
        });
      }

      it('has no error on any claimed minor whichever choice is taken', () => {
        const versionChoice = kubernetesVersionChoice(snippet);
        for (const choice of choicesOf(snippet.body)) {
          if (choice.tabStop === versionChoice?.tabStop) continue;
          for (let index = 1; index < choice.options.length; index++) {
            for (const minor of claimedMinors(snippet)) {
              const { text, setting } = expandFor(snippet, minor, { [choice.tabStop]: index });
              const errors = analyze(text, { kubernetesVersion: setting }).findings.filter((finding) => finding.severity === 'error');
              assert.deepEqual(
                errors.map((e) => `${e.rule}: ${e.message}`),
                [],
                `${name}: choice ${choice.options[index]} on ${minor}`,
              );
            }
          }
        }
      });
    });
  }

  it('correct the widely copied example: logging.options.json nesting, no zero configSyncPeriod or flushFrequency', () => {
    for (const [name, snippet] of entries.filter(([, s]) => isDocumentSnippet(s) && !isKindSnippet(s))) {
      const value = kubeProxyValue(expandSnippet(snippet.body));
      const logging = value.logging as Record<string, any>;
      assert.equal(logging.json, undefined, name);
      assert.equal(logging.options.json.infoBufferSize, '0', name);
      assert.equal(logging.flushFrequency, '5s', name);
      assert.equal(value.configSyncPeriod, '15m', name);
    }
  });
});

describe('snippet expansion helper', () => {
  it('expands tab stops, placeholders, choices, mirrors, variables and escapes', () => {
    assert.equal(expandSnippet('a: ${1:x}\nb: $1\nc: ${2|p,q|}\nd: ${3:${4:in}ner}\n$0'), 'a: x\nb: x\nc: p\nd: inner\n');
    assert.equal(expandSnippet('c: ${2|p,q|} $2', { choose: { 2: 1 } }), 'c: q q');
    assert.equal(expandSnippet('f: ${TM_FILENAME:none} $TM_LINE_INDEX ${UNKNOWN}', { variables: { TM_LINE_INDEX: '3' } }), 'f: none 3 ');
    assert.equal(expandSnippet('\\$1 \\} ${1|a\\,b,c|}'), '$1 } a,b');
    assert.deepEqual(choicesOf('${1|a,b|} ${2:x} ${3|c|}'), [
      { tabStop: 1, options: ['a', 'b'] },
      { tabStop: 3, options: ['c'] },
    ]);
  });
});
