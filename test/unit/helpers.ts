/** Small helpers for core tests: run the analyzer and pick findings. */
import { analyze } from '../../server/src/core/analyze.ts';
import { RULES } from '../../server/src/core/rules/index.ts';
import type { AnalyzeOptions, Finding } from '../../server/src/core/types.ts';

/**
 * Validation tests look at what kube-proxy and kubeadm do; advice (best-practice rules and the 1.37
 * "mode not set" warning) has its own tests, so it is switched off here unless a test asks for it.
 */
export const ADVICE_OFF: NonNullable<AnalyzeOptions['rules']> = Object.fromEntries(
  RULES.filter((rule) => rule.category === 'best-practice' || rule.id === 'explicit-proxy-mode').map((rule) => [rule.id, 'off' as const]),
);

export const KPC = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n';

export function findings(text: string, options: AnalyzeOptions = {}): Finding[] {
  return analyze(text, { ...options, rules: { ...ADVICE_OFF, ...options.rules } }).findings;
}

export function errors(text: string, options: AnalyzeOptions = {}): Finding[] {
  return findings(text, options).filter((finding) => finding.severity === 'error');
}

/** The text a finding's range covers. */
export function covered(text: string, finding: Finding): string {
  return text.slice(finding.span.start, finding.span.end);
}
