/**
 * Feature gates a kube-proxy binary of each minor knows (the whole Kubernetes DefaultFeatureGate
 * plus the logging gates kube-proxy adds). kube-proxy refuses to start on an unknown gate or on a
 * locked gate set to the other value. 1.28–1.36 come from the release sources listed in
 * docs/upstream-facts.md; 1.37 is 1.36 plus the gates the 1.37 release notes add (no 1.37 gate
 * list was readable; see that document).
 */
import gatesByMinor from './feature-gates.json' with { type: 'json' };
import type { Minor } from './versions.ts';

export interface GateSpec {
  default: boolean;
  locked: boolean;
  stage: string;
}
type GateTable = Record<string, GateSpec>;

const SOURCED = gatesByMinor as unknown as Record<string, GateTable>;

const ADDED_IN_1_37: GateTable = {
  KubeProxyIPVS: { default: true, locked: false, stage: 'deprecated' },
  KubeProxyNFTablesLocalhostNodePorts: { default: false, locked: false, stage: 'alpha' },
};

const GATES_1_37: GateTable = { ...SOURCED['1.36'], ...ADDED_IN_1_37 };

export function gatesOf(minor: Minor): GateTable {
  return minor === '1.37' ? GATES_1_37 : SOURCED[minor];
}

export function gateSpec(minor: Minor, name: string): GateSpec | undefined {
  const table = gatesOf(minor);
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
}

/** Whether a gate is on for a document: its featureGates value, else the binary's default. */
export function gateEnabled(minor: Minor, name: string, featureGates: Record<string, unknown> | undefined): boolean {
  const spec = gateSpec(minor, name);
  if (!spec) return false;
  const set = featureGates?.[name];
  if (typeof set === 'boolean' && !(spec.locked && set !== spec.default)) return set;
  return spec.default;
}
