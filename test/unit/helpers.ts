/** Small helpers for core tests: run the analyzer and pick findings. */
import { analyze } from '../../server/src/core/analyze.ts';
import type { AnalyzeOptions, Finding } from '../../server/src/core/types.ts';

export const KPC = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n';

export function findings(text: string, options: AnalyzeOptions = {}): Finding[] {
  return analyze(text, options).findings;
}

export function errors(text: string, options: AnalyzeOptions = {}): Finding[] {
  return findings(text, options).filter((finding) => finding.severity === 'error');
}

/** The text a finding's range covers. */
export function covered(text: string, finding: Finding): string {
  return text.slice(finding.span.start, finding.span.end);
}
