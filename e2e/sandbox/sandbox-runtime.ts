// Everything one running sandbox owns: the world state, pending faults and its clock. Reset swaps the
// state for a fresh seed in place, so handlers holding the runtime see the new world at once.
import { FaultQueue } from './faults';
import { createSandboxState, type CallRecord, type SandboxState } from './sandbox-state';

export interface SandboxRuntime {
  state: SandboxState;
  faults: FaultQueue;
  now: () => number;
}

export function createRuntime(now: () => number): SandboxRuntime {
  return { state: createSandboxState(now()), faults: new FaultQueue(), now };
}

export function resetRuntime(runtime: SandboxRuntime): void {
  runtime.state = createSandboxState(runtime.now());
  runtime.faults.clear();
}

export function recordCall(runtime: SandboxRuntime, call: Omit<CallRecord, 'seq' | 'at'>): void {
  const calls = runtime.state.calls;
  calls.push({ seq: calls.length + 1, at: new Date(runtime.now()).toISOString(), ...call });
}
