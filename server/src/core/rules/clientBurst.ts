/** clientConnection.burst must not be negative (0 is replaced by the default, 10). */
import { requireAtLeast } from './nonNegativeChecks.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from './rule.ts';

export const clientBurst: KubeProxyRule = {
  id: 'client-burst',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'error',
  docs: `${KUBE_PROXY_DOCS}#ClientConnectionConfiguration`,
  description: { en: 'clientConnection.burst must not be negative.', zh: 'clientConnection.burst 不能为负数。' },
  check(ctx) {
    requireAtLeast(ctx, 'clientConnection.burst', ctx.config.clientConnection.burst, false);
  },
};
