/**
 * Rule `reachability`: every action can be reached from the start. An unreachable action is dead
 * code at best, and at worst a fallback someone believes is in place.
 */
import { reachableFrom } from "../flow-graph";
import type { FlowRule } from "./rule";

export const reachabilityRule: FlowRule = {
  id: "reachability",
  description: "every action is reachable from the start",
  check(flow) {
    const reachable = reachableFrom(flow.content);
    return (flow.content.Actions ?? [])
      .filter((a) => !reachable.has(a.Identifier))
      .map((a) => ({
        action: a.Identifier,
        message: `cannot be reached from StartAction "${flow.content.StartAction}"`,
      }));
  },
};
