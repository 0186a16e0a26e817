/** Every rule, in one list. Settings, SARIF and documentation enumerate rules from here. */
import { bindAddress } from './bindAddress.ts';
import {
  configFile,
  duplicateField,
  invalidDuration,
  invalidType,
  kindPatchIgnored,
  unknownField,
  unsupportedApiVersion,
  yamlSyntax,
} from './builtin.ts';
import { kindApiVersion } from './kind/kindApiVersion.ts';
import { kindFeatureGates } from './kind/kindFeatureGates.ts';
import { kindPatchMode } from './kind/kindPatchMode.ts';
import { kindProxyMode } from './kind/kindProxyMode.ts';
import { tuningClientThrottling } from './tuning/clientThrottling.ts';
import { tuningConfigMismatch } from './tuning/configMismatch.ts';
import { tuningConntrack } from './tuning/conntrack.ts';
import { tuningMinSyncPeriod } from './tuning/minSyncPeriod.ts';
import { tuningNetworkProgramming } from './tuning/networkProgramming.ts';
import { tuningNftablesReadiness } from './tuning/nftablesReadiness.ts';
import { tuningNoLocalEndpoints } from './tuning/noLocalEndpoints.ts';
import { tuningSyncBacklog } from './tuning/syncBacklog.ts';
import { tuningSyncDuration } from './tuning/syncDuration.ts';
import { tuningSyncFailures } from './tuning/syncFailures.ts';
import { clientBurst } from './clientBurst.ts';
import { clusterCidr } from './clusterCidr.ts';
import { configSyncPeriod } from './configSyncPeriod.ts';
import { conntrack } from './conntrack.ts';
import { detectLocalInterface } from './detectLocalInterface.ts';
import { detectLocalMode } from './detectLocalMode.ts';
import { featureGates } from './featureGates.ts';
import { hostPortAddress } from './hostPortAddress.ts';
import { ipvsDeprecated } from './ipvsDeprecated.ts';
import { ipvsExcludeCidrs } from './ipvsExcludeCidrs.ts';
import { ipvsTimeout } from './ipvsTimeout.ts';
import { kubeadmApiVersion } from './kubeadmApiVersion.ts';
import { kubeadmDocumentSeparator, kubeadmDuplicateKind, kubeadmMissingGvk } from './kubeadmDocuments.ts';
import { kubeadmIgnoredDocument, kubeadmKubeProxyGroup } from './kubeadmForeignDocuments.ts';
import { kubeadmKubernetesVersion } from './kubeadmKubernetesVersion.ts';
import { kubeadmOverride } from './kubeadmOverride.ts';
import { logging } from './logging.ts';
import { masqueradeBit } from './masqueradeBit.ts';
import { nodePortAddresses } from './nodePortAddresses.ts';
import { oomScoreAdj } from './oomScoreAdj.ts';
import { portRange } from './portRange.ts';
import { proxyMode } from './proxyMode.ts';
import type { FileRule, KubeProxyRule, Rule } from './rule.ts';
import { showHiddenMetrics } from './showHiddenMetrics.ts';
import { syncPeriod } from './syncPeriod.ts';
import { unusedField } from './unusedField.ts';
import { conntrackSizing } from './bestPractice/conntrackSizing.ts';
import { metricsLoopback } from './bestPractice/metricsLoopback.ts';
import { minSyncPeriod } from './bestPractice/minSyncPeriod.ts';
import { profilingEnabled } from './bestPractice/profilingEnabled.ts';
import { explicitProxyMode, proxyModeForScale } from './bestPractice/proxyModeForScale.ts';
import { strictArp } from './bestPractice/strictArp.ts';
import { zeroMeansDefault } from './bestPractice/zeroMeansDefault.ts';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  unknownField,
  duplicateField,
  invalidType,
  invalidDuration,
  unsupportedApiVersion,
  featureGates,
  proxyMode,
  masqueradeBit,
  syncPeriod,
  ipvsTimeout,
  ipvsExcludeCidrs,
  conntrack,
  clientBurst,
  oomScoreAdj,
  configSyncPeriod,
  bindAddress,
  hostPortAddress,
  clusterCidr,
  portRange,
  nodePortAddresses,
  showHiddenMetrics,
  detectLocalMode,
  detectLocalInterface,
  logging,
  ipvsDeprecated,
  unusedField,
  kubeadmMissingGvk,
  kubeadmDocumentSeparator,
  kubeadmDuplicateKind,
  kubeadmApiVersion,
  kubeadmKubernetesVersion,
  kubeadmOverride,
  kubeadmKubeProxyGroup,
  kubeadmIgnoredDocument,
  kindApiVersion,
  kindProxyMode,
  kindFeatureGates,
  kindPatchIgnored,
  kindPatchMode,
  explicitProxyMode,
  proxyModeForScale,
  profilingEnabled,
  metricsLoopback,
  minSyncPeriod,
  conntrackSizing,
  zeroMeansDefault,
  strictArp,
  tuningConfigMismatch,
  tuningMinSyncPeriod,
  tuningSyncDuration,
  tuningNetworkProgramming,
  tuningSyncFailures,
  tuningSyncBacklog,
  tuningClientThrottling,
  tuningConntrack,
  tuningNoLocalEndpoints,
  tuningNftablesReadiness,
  configFile,
];

export const RULES_BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));
export const KUBE_PROXY_RULES = RULES.filter((rule): rule is KubeProxyRule => rule.scope === 'kubeproxy');
export const FILE_RULES = RULES.filter((rule): rule is FileRule => rule.scope === 'file');
