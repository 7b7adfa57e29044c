import { flowToMermaid } from "../../flows/mermaid";
import { buildInboundFlow, placeholderRefs } from "../../flows/tenant-flows";
import { tenant } from "./support";

describe("flowToMermaid", () => {
  const manado = tenant("71.71");
  const graph = flowToMermaid(buildInboundFlow(manado, placeholderRefs(manado)));

  it("draws every action once, hand-offs rounded and disconnects as circles", () => {
    const nodes = graph.split("\n").filter((l) => /^ {2}a\d+[[(]/.test(l));
    expect(nodes).toHaveLength(20);
    expect(graph).toContain('(["overflow<br/>TransferParticipantToThirdParty"])');
    expect(graph).toContain('(("last-resort-end<br/>DisconnectParticipant"))');
  });

  it("labels each edge with the branch, grouping branches that lead to the same action", () => {
    expect(graph).toMatch(/a\d+ -->\|CallFailed, ConnectionTimeLimitExceeded, NoMatchingError\| a\d+/);
    expect(graph).toMatch(/a\d+ -->\|ContinueLooping\| a\d+/);
  });

  it("matches the reviewed drawing of Kota Manado's inbound flow", () => {
    expect(graph).toMatchSnapshot();
  });
});
