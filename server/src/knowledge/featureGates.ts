/**
 * Feature gates a kube-proxy binary of each minor knows (the whole Kubernetes DefaultFeatureGate
 * plus the component-base logging and metrics gates kube-proxy registers). kube-proxy refuses to
 * start on an unknown gate or on a locked gate set to the other value. Where each minor's table
 * comes from (release sources, the generated versioned feature list for 1.37): docs/upstream-facts.md.
 */
import gatesByMinor from './feature-gates.json' with { type: 'json' };
import type { Minor } from './versions.ts';

export interface GateSpec {
  default: boolean;
  locked: boolean;
  stage: string;
}
type GateTable = Record<string, GateSpec>;

const SOURCED = gatesByMinor as unknown as Record<Minor, GateTable>;

export function gatesOf(minor: Minor): GateTable {
  return SOURCED[minor];
}

export function gateSpec(minor: Minor, name: string): GateSpec | undefined {
  const table = gatesOf(minor);
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

/** Whether a gate is on for a document: its featureGates value, else the binary's default. */
export function gateEnabled(minor: Minor, name: string, featureGates: Record<string, unknown> | undefined): boolean {
  const spec = gateSpec(minor, name);
  if (!spec) return false;
  const set = featureGates && Object.hasOwn(featureGates, name) ? featureGates[name] : undefined;
  if (typeof set === 'boolean' && !(spec.locked && set !== spec.default)) return set;
  return spec.default;
}
