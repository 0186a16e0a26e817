/**
 * The scrape contradicts the configuration: kube-proxy runs in another mode, or another minor, than
 * the file says. Then the running configuration is not this one (a ConfigMap edited but the pods not
 * restarted, a scrape of another cluster), and the other tuning findings describe what runs.
 */
import type { KubeProxyRule } from '../rule.ts';
import { item } from './common.ts';

export const tuningConfigMismatch: KubeProxyRule = {
  id: 'tuning-config-mismatch',
  scope: 'kubeproxy',
  category: 'tuning',
  severity: 'warning',
  docs: 'https://kubernetes.io/docs/reference/networking/virtual-ips/',
  description: {
    en: 'A kube-proxy scrape that shows another mode or version than the configuration.',
    zh: 'kube-proxy 抓取显示的模式或版本与配置不一致。',
  },
  check(ctx) {
    const configured = ctx.config.mode;
    for (const process of ctx.evidence?.kubeProxy ?? []) {
      const { latest } = process;
      if (latest.mode && latest.mode !== configured) {
        ctx.report({
          path: 'mode',
          at: ctx.has('mode') ? 'value' : 'key',
          message: ctx.t('tuning-config-mismatch.mode', { running: latest.mode, family: latest.modeFrom ?? '', configured }),
          evidence: [item(latest.modeFrom ?? 'kubeproxy_*', 'registered', 1, 'count', [latest.name])],
        });
      }
      if (latest.minor !== undefined && `1.${latest.minor}` !== ctx.minor && latest.gitVersion) {
        ctx.report({
          path: 'apiVersion',
          message: ctx.t('tuning-config-mismatch.version', {
            running: latest.gitVersion,
            minor: ctx.minor,
            runningMinor: `1.${latest.minor}`,
          }),
          evidence: [item('kubernetes_build_info', 'git_version', latest.minor, 'count', [latest.name])],
        });
      }
    }
  },
};
