// The contract between the request pipeline and the IAM/STS action implementations.
import type { Principal } from './authenticate';
import type { SandboxState } from './sandbox-state';

export interface ActionContext {
  state: SandboxState;
  principal: Principal;
  params: ReadonlyMap<string, string>;
  nowMs: number;
}

/** Returns the inner XML of `<ActionResult>`, or null for actions without output. Throws AwsError. */
export type ActionHandler = (ctx: ActionContext) => string | null;
