import { createPrng, pick, type Prng } from '../util/prng.js'
import type { FaultKind, FaultPlan, FaultRule } from './fault-plan.js'

/** What the injector decided for one request. */
export interface FaultDecision {
  readonly latencyMs: number
  readonly fault?: { readonly kind: FaultKind; readonly retryAfter: number }
}

export interface RequestInfo {
  readonly path: string
  readonly operationName?: string | undefined
}

interface RuleState {
  readonly rule: FaultRule
  readonly rand: Prng
  count: number
}

function matches(rule: FaultRule, info: RequestInfo): boolean {
  if (rule.paths && !rule.paths.some((p) => info.path.startsWith(p))) return false
  if (rule.operations && !(info.operationName && rule.operations.includes(info.operationName))) return false
  return true
}

/** Applies a FaultPlan request by request; every rule counts its own matching requests. */
export class FaultInjector {
  #rules: RuleState[] = []

  constructor(plan?: FaultPlan) {
    this.set(plan)
  }

  /** Replaces the plan and restarts counters and random streams. */
  set(plan: FaultPlan | undefined): void {
    const seed = plan?.seed ?? 1
    const rules = plan ? [plan, ...(plan.rules ?? [])] : []
    this.#rules = rules.map((rule, i) => ({ rule, rand: createPrng(seed + i * 7919), count: 0 }))
  }

  decide(info: RequestInfo): FaultDecision {
    let latencyMs = 0
    let fault: FaultDecision['fault']
    for (const state of this.#rules) {
      const { rule, rand } = state
      if (!matches(rule, info)) continue
      state.count++
      const latency = rule.latencyMs
      if (typeof latency === 'number') latencyMs += latency
      else if (latency) latencyMs += latency.min + rand() * (latency.max - latency.min)
      if (fault) continue
      const scheduled = rule.schedule?.find((s) => s.request === state.count)
      if (scheduled) {
        fault = { kind: scheduled.kind, retryAfter: scheduled.retryAfter ?? rule.retryAfter ?? 1 }
      } else if (rule.rate && rand() < rule.rate) {
        fault = {
          kind: pick(rand, rule.kinds?.length ? rule.kinds : ['500']),
          retryAfter: rule.retryAfter ?? 1,
        }
      }
    }
    return fault ? { latencyMs, fault } : { latencyMs }
  }
}
