/**
 * Rule `bounded-loops`: every cycle in the flow goes through the continue branch of a Loop action
 * (LoopCount at most 100), so no caller circles forever between prompts and failing transfers.
 */
import { actionsById, edgesOf } from "../flow-graph";
import type { FlowRule, RuleProblem } from "./rule";

export const boundedLoopsRule: FlowRule = {
  id: "bounded-loops",
  description: "every cycle passes through a Loop action's ContinueLooping branch",
  check(flow) {
    const byId = actionsById(flow.content);
    const counted = (from: string, label: string) =>
      byId.get(from)?.Type === "Loop" && label === "ContinueLooping";
    // Depth-first search for a cycle among the remaining edges.
    const state = new Map<string, "open" | "done">();
    const problems: RuleProblem[] = [];
    const reported = new Set<string>();
    const visit = (id: string, path: string[]): void => {
      state.set(id, "open");
      const action = byId.get(id);
      for (const edge of action ? edgesOf(action) : []) {
        if (counted(edge.from, edge.label) || !byId.has(edge.to)) continue;
        const s = state.get(edge.to);
        if (s === "open" && !reported.has(`${id}>${edge.to}`)) {
          reported.add(`${id}>${edge.to}`);
          const cycle = [...path.slice(path.indexOf(edge.to)), id, edge.to];
          problems.push({
            action: edge.to,
            message: `unbounded cycle ${[...new Set(cycle)].join(" -> ")} -> ${edge.to} (route it through a Loop action)`,
          });
        } else if (s === undefined && !state.has(edge.to)) visit(edge.to, [...path, id]);
      }
      state.set(id, "done");
    };
    for (const id of byId.keys()) if (!state.has(id)) visit(id, []);
    return problems;
  },
};
