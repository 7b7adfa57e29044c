/**
 * A flow as a Mermaid flowchart, for `siaga112 flow graph <tenant>` and reviews: one node per
 * action (identifier and type), one labelled edge per transition; hand-offs to a human are drawn
 * as rounded nodes, disconnects as circles.
 */
import { edgesOf, HANDOFF_TYPES } from "./flow-graph";
import type { FlowContent } from "./flow-language";

function nodeId(index: number): string {
  return `a${index}`;
}

function mermaidText(text: string): string {
  return text.replace(/"/g, "#quot;");
}

/**
 * Renders `content` as Mermaid `flowchart TD` text.
 *
 * @example
 * flowToMermaid(content).split("\n")[0] // "flowchart TD"
 */
export function flowToMermaid(content: FlowContent): string {
  const index = new Map(content.Actions.map((a, i) => [a.Identifier, nodeId(i)]));
  const lines = ["flowchart TD", `  start((start)) --> ${index.get(content.StartAction) ?? "missing"}`];
  content.Actions.forEach((action, i) => {
    const label = mermaidText(`${action.Identifier}<br/>${action.Type}`);
    if (HANDOFF_TYPES.includes(action.Type)) lines.push(`  ${nodeId(i)}(["${label}"])`);
    else if (action.Type === "DisconnectParticipant" || action.Type === "EndFlowExecution")
      lines.push(`  ${nodeId(i)}(("${label}"))`);
    else lines.push(`  ${nodeId(i)}["${label}"]`);
  });
  for (const action of content.Actions) {
    // One edge per target: error types leading to the same action are listed together.
    const byTarget = new Map<string, string[]>();
    for (const edge of edgesOf(action)) byTarget.set(edge.to, [...(byTarget.get(edge.to) ?? []), edge.label]);
    for (const [to, labels] of byTarget) {
      lines.push(
        `  ${index.get(action.Identifier)} -->|${mermaidText(labels.join(", "))}| ${index.get(to) ?? "missing"}`,
      );
    }
  }
  return lines.join("\n");
}
