/**
 * Shape of the explanatory knowledge per field (server/src/knowledge/fieldDocs.ts): what hovers,
 * best-practice findings and completion documentation are built from. Facts from the seed document
 * and upstream (see docs/upstream-facts.md); every text in our own words, English and 简体中文.
 */
import type { Text } from './fields.ts';
import type { Minor } from './versions.ts';

export interface VersionNote {
  since?: Minor;
  until?: Minor;
  note: Text;
}

export interface Recommendation {
  /** The value recommended for a large cluster (the seed's scenario), as written in YAML. */
  value: string | number | boolean;
  /** Only for some modes or versions, e.g. "in ipvs mode"; omit when always. */
  when?: Text;
  /** Why: what it costs or protects (API-server load, rule-sync cost, conntrack exhaustion …). */
  rationale: Text;
}

export interface FieldDoc {
  /** A path of FIELDS in fields.ts (`ipvs.syncPeriod`, `logging.vmodule[].filePattern`). */
  path: string;
  /** What the field does, 1–3 sentences. */
  meaning: Text;
  recommended?: Recommendation;
  /** Why the field matters when there is no single recommended value. */
  rationale?: Text;
  /** Version-specific behaviour (added, deprecated, validated differently, defaults changed …). */
  versions?: VersionNote[];
  /** What kubeadm does with this field, if anything. */
  kubeadm?: Text;
  /** Explanations of individual values (enum values such as `ipvs`, `nftables`, `ClusterCIDR`). */
  values?: Record<string, { meaning: Text; versions?: VersionNote[] }>;
  /** Upstream documentation URL (kubernetes.io reference with anchor, or a KEP). */
  docs: string;
}
