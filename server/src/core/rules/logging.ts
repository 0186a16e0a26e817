/** component-base logsapi.Validate for kube-proxy's logging section, per minor. */
import { gateEnabled } from '../../knowledge/featureGates.ts';
import { minorNumber } from '../../knowledge/versions.ts';
import { quantityIsZero } from '../goQuantity.ts';
import { formatGoDuration } from '../goDuration.ts';
import { forbidden, goPath, invalid, required } from '../upstreamText.ts';
import { KUBE_PROXY_DOCS, type KubeProxyRule } from './rule.ts';
import { unsafe, type FixSuggestion } from '../fixIntent.ts';
import { defaultOf } from '../../knowledge/fields.ts';

const MAX_INT32 = 2147483647;

export const logging: KubeProxyRule = {
  id: 'logging',
  scope: 'kubeproxy',
  category: 'validation',
  severity: 'error',
  docs: `${KUBE_PROXY_DOCS}#LoggingConfiguration`,
  description: {
    en: 'Logging options must be valid for the targeted version and its feature gates.',
    zh: '日志选项必须对目标版本及其特性门控有效。',
  },
  check(ctx) {
    const log = ctx.config.logging;
    const gates = ctx.config.featureGates;
    const at = (field: string): string => goPath(ctx.minor, `logging.${field}`);
    const refuse = (path: string, summary: string, upstream: string, fixes?: FixSuggestion[]): void =>
      ctx.report({ path, message: ctx.refuse(summary, upstream), fixes });

    if (log.format !== 'text' && log.format !== 'json') {
      refuse(
        'logging.format',
        ctx.t('logging.format', { value: log.format }),
        invalid(at('format'), log.format, 'Unsupported log format'),
        [unsafe({ kind: 'setValue', value: log.format.toLowerCase() === 'json' ? 'json' : 'text' })],
      );
    } else if (log.format === 'json' && !gateEnabled(ctx.minor, 'LoggingBetaOptions', gates)) {
      refuse(
        'logging.format',
        ctx.t('logging.formatDisabled'),
        forbidden(at('format'), 'Log format json is disabled, see LoggingBetaOptions feature'),
      );
    }
    if (log.verbosity > MAX_INT32) {
      refuse(
        'logging.verbosity',
        ctx.t('logging.verbosity', { path: 'logging.verbosity', value: log.verbosity }),
        invalid(at('verbosity'), log.verbosity, `Must be <= ${MAX_INT32}`),
      );
    }
    if (log.vmodule.length > 0 && log.format !== 'text') {
      refuse('logging.vmodule', ctx.t('logging.vmoduleFormat'), forbidden(at('vmodule'), 'Only supported for text log format'));
    }
    log.vmodule.forEach((item, i) => {
      const path = `logging.vmodule[${i}]`;
      if (item.filePattern === '')
        refuse(path, ctx.t('logging.vmodulePattern'), required(at(`vmodule[${i}]`), 'File pattern must not be empty'));
      if (/[=,]/.test(item.filePattern))
        refuse(
          path,
          ctx.t('logging.vmoduleChars', { value: item.filePattern }),
          invalid(at(`vmodule[${i}]`), item.filePattern, 'File pattern must not contain equal sign or comma'),
        );
      if (item.verbosity > MAX_INT32)
        refuse(
          path,
          ctx.t('logging.verbosity', { path: `${path}.verbosity`, value: item.verbosity }),
          invalid(at(`vmodule[${i}]`), item.verbosity, `Must be <= ${MAX_INT32}`),
        );
    });
    if (!gateEnabled(ctx.minor, 'LoggingAlphaOptions', gates)) {
      // Upstream checks text before json; text options exist from component-base 0.30.
      const formats = minorNumber(ctx.minor) >= 30 ? (['text', 'json'] as const) : (['json'] as const);
      for (const format of formats) {
        const options = log.options[format];
        for (const [field, on] of [
          ['splitStream', options.splitStream],
          ['infoBufferSize', !quantityIsZero(options.infoBufferSize)],
        ] as const) {
          if (!on) continue;
          const path = `logging.options.${format}.${field}`;
          refuse(
            path,
            ctx.t('logging.alpha', { path }),
            forbidden(at(`options.${format}.${field}`), 'Feature LoggingAlphaOptions is disabled'),
          );
        }
      }
    }
    if (minorNumber(ctx.minor) >= 35 && log.flushFrequency <= 0n) {
      refuse(
        'logging.flushFrequency',
        ctx.t('logging.flushFrequency', { minor: ctx.minor }),
        invalid(at('flushFrequency'), formatGoDuration(log.flushFrequency), 'Must be greater than zero'),
        [unsafe({ kind: 'setValue', value: defaultOf('logging.flushFrequency') })],
      );
    }
  },
};
