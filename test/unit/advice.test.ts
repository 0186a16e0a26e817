/**
 * Verdicts and explanations checked against upstream (sources in shared/reference/expert-review.md
 * and docs/upstream-facts.md): the 1.37 feature gates from the generated versioned feature list, the
 * conntrack CPU count and cap, what the metrics port exposes, health endpoints, the client limits,
 * localhost NodePorts in nftables mode, and Windows' mode on a Linux checker.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt } from '../../server/src/core/hover.ts';
import { gateSpec } from '../../server/src/knowledge/featureGates.ts';
import { KPC, errors, findings } from './helpers.ts';

const gates = (minor: string, body: string) => errors(`${KPC}featureGates:\n${body}`, { kubernetesVersion: minor }).map((f) => f.message);
const hover = (text: string, needle: string, minor: string, locale: 'en' | 'zh-cn' = 'en') =>
  hoverAt(text, text.lastIndexOf(needle) + 1, { kubernetesVersion: minor, locale })!.markdown;

describe('feature gates by minor', () => {
  it('1.37 knows NFTablesNetlink (beta, on; kubernetes#137536)', () => {
    assert.deepEqual(gates('1.37', '  NFTablesNetlink: false\n'), []);
    assert.deepEqual(gateSpec('1.37', 'NFTablesNetlink'), { default: true, locked: false, stage: 'beta' });
    // New in 1.37: a 1.36 kube-proxy does not know it.
    assert.match(gates('1.36', '  NFTablesNetlink: true\n')[0], /unrecognized feature gate: NFTablesNetlink/);
  });
  it('1.37 rejects gates removed in 1.37 and enforces the ones locked in 1.37', () => {
    assert.match(gates('1.37', '  AnyVolumeDataSource: true\n')[0], /unrecognized feature gate: AnyVolumeDataSource/);
    assert.deepEqual(gates('1.36', '  AnyVolumeDataSource: true\n'), []);
    assert.match(gates('1.37', '  PreventStaticPodAPIReferences: true\n')[0], /unrecognized feature gate/);
    assert.match(gates('1.37', '  DeclarativeValidationTakeover: true\n')[0], /feature is locked to false/);
  });
  it('1.37 keeps NFTablesProxyMode (GA, locked) and the kube-proxy gates of 1.37', () => {
    assert.match(gates('1.37', '  NFTablesProxyMode: false\n')[0], /locked to true/);
    assert.deepEqual(gates('1.37', '  KubeProxyIPVS: true\n  KubeProxyNFTablesLocalhostNodePorts: true\n'), []);
  });
  it('knows the component-base metrics gates kube-proxy registers (metricsfeatures.AddFeatureGates)', () => {
    assert.deepEqual(gates('1.30', '  ComponentSLIs: true\n'), []);
    assert.match(gates('1.34', '  ComponentSLIs: false\n')[0], /locked to true/);
    assert.deepEqual(gates('1.36', '  NativeHistograms: true\n'), []);
  });
});

describe('explanations that upstream contradicted before', () => {
  const CONNTRACK = `${KPC}mode: nftables\nconntrack:\n  maxPerCore: 32768\n`;
  it("conntrack counts the node's CPUs, not kube-proxy's cpuset, and is capped from 1.36", () => {
    const on137 = hover(CONNTRACK, 'maxPerCore', '1.37');
    assert.match(on137, /\/sys\/devices\/system\/cpu\/online, which kube-proxy's cpuset does not affect/);
    assert.doesNotMatch(on137, /taken from kube-proxy's cpuset/);
    assert.match(on137, /capped at 1,048,576/);
    assert.match(on137, /kubernetes\/pull\/137002/);
    assert.match(hover(CONNTRACK, 'maxPerCore', '1.37', 'zh-cn'), /不受 kube-proxy 的 cpuset 影响/);
  });
  it('the metrics port: /configz and the rest are unauthenticated, said next to the monitoring advice', () => {
    const text = `${KPC}mode: nftables\nmetricsBindAddress: 0.0.0.0:10249\n`;
    const en = hover(text, 'metricsBindAddress', '1.36');
    assert.match(en, /\/configz/);
    assert.match(en, /PUT \/debug\/flags\/v/);
    assert.match(en, /without authentication/);
    const monitoring = findings(`${KPC}mode: nftables\n`, { kubernetesVersion: '1.36', rules: { 'metrics-loopback': 'information' } }).find(
      (f) => f.rule === 'metrics-loopback',
    )!;
    assert.match(monitoring.message, /\/configz/);
  });
  it('health: /livez for liveness probes, /healthz fails while the Node is deleted', () => {
    const text = `${KPC}mode: nftables\nhealthzBindAddress: 0.0.0.0:10256\n`;
    const en = hover(text, 'healthzBindAddress', '1.34');
    assert.match(en, /liveness probes at \/livez/);
    assert.match(en, /while the Node is being deleted/);
  });
  it('qps/burst: watches are not throttled; the evidence to raise them is client-side throttling', () => {
    const text = `${KPC}clientConnection:\n  qps: 5\n  burst: 10\n`;
    const qps = hover(text, 'qps', '1.34');
    assert.match(qps, /Watches are not rate-limited/);
    assert.match(qps, /rest_client_rate_limiter_duration_seconds/);
    assert.match(qps, /qps 50 \/ burst 100 come from common large-cluster guidance/);
    const burst = hover(text, 'burst', '1.34');
    assert.match(burst, /Size of the token bucket/);
    assert.doesNotMatch(burst, /above qps/);
    assert.match(hover(text, 'burst', '1.34', 'zh-cn'), /令牌桶的容量/);
  });
  it('acceptContentTypes: already protobuf by default, setting it only drops the fallback', () => {
    const text = `${KPC}clientConnection:\n  acceptContentTypes: application/vnd.kubernetes.protobuf\n`;
    assert.match(hover(text, 'acceptContentTypes', '1.34'), /only removes the `\*\/\*` fallback/);
  });
  it('localhost NodePorts: nftables can serve them from 1.37 with a gate', () => {
    const text = `${KPC}mode: nftables\niptables:\n  localhostNodePorts: false\n`;
    assert.match(hover(text, 'localhostNodePorts', '1.37'), /\*\*1\.37\+: nftables mode can serve localhost NodePorts too/);
    assert.match(hover(text, 'localhostNodePorts', '1.37'), /KubeProxyNFTablesLocalhostNodePorts/);
  });
  it('nftables: no "nearly flat" claim; the known limits are named', () => {
    const text = `${KPC}mode: nftables\n`;
    const en = hover(text, 'nftables', '1.36');
    assert.doesNotMatch(en, /nearly flat/);
    assert.match(en, /start-up can be slow with very many Services/);
  });
  it('mode kernelspace: the Windows mode, which this Linux checker flags and says so', () => {
    const [error] = errors(`${KPC}mode: kernelspace\n`, { kubernetesVersion: '1.34' });
    assert.match(error.message, /Windows-only mode: a Linux kube-proxy rejects it/);
    assert.match(error.message, /if the file is for Windows nodes/);
  });
  it('unknown fields: kube-proxy logs lenient decoding and ignores them (not "silently")', () => {
    const [error] = errors(`${KPC}bogus: 1\n`, { kubernetesVersion: '1.34' });
    assert.match(error.message, /Using lenient decoding as strict decoding failed/);
    assert.doesNotMatch(error.message, /silently/);
  });
});
