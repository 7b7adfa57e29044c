import {
  boardEntryKey,
  createIncidentTableInput,
  heldAlertKey,
  INCIDENT_TABLE,
  incidentKey,
  itemKind,
  outboxKey,
} from "../../domain/incident-table";

describe("the incident table design", () => {
  it("creates a table with the keys, every index and a new-and-old-image stream", () => {
    const input = createIncidentTableInput("siaga112-71-71-incidents");
    expect(input.KeySchema).toEqual([
      { AttributeName: "pk", KeyType: "HASH" },
      { AttributeName: "sk", KeyType: "RANGE" },
    ]);
    expect(input.GlobalSecondaryIndexes.map((i) => i.IndexName)).toEqual([
      "byDay",
      "pendingOutbox",
      "byShortCode",
      "byState",
      "callbacks",
      "openAlerts",
    ]);
    // Each key attribute is declared once, as a string (several indexes sort on receivedAt).
    const names = input.AttributeDefinitions.map((a) => a.AttributeName);
    expect(names).toEqual([...new Set(names)]);
    const defined = new Set(input.AttributeDefinitions.map((a) => a.AttributeName));
    for (const index of input.GlobalSecondaryIndexes) {
      for (const key of index.KeySchema) expect(defined.has(key.AttributeName)).toBe(true);
    }
    expect(input.StreamSpecification.StreamViewType).toBe("NEW_AND_OLD_IMAGES");
    expect(INCIDENT_TABLE.ttlAttribute).toBe("expiresAt");
  });

  it("gives every (incident, agency, round, step, contact) its own outbox key and tells item kinds apart", () => {
    const at = (round: number, step: number, contactId = "piket") => ({
      agencyId: "damkar",
      round,
      step,
      contactId,
    });
    expect(outboxKey("i", at(0, 1))).not.toEqual(outboxKey("i", at(1, 0)));
    expect(outboxKey("i", at(0, 1))).not.toEqual(outboxKey("i", at(0, 1, "kabid")));
    // "1#1" and "11#" never meet: each part is separated.
    expect(outboxKey("i", at(1, 11)).sk).not.toBe(outboxKey("i", at(11, 1)).sk);
    expect(itemKind(outboxKey("i", at(0, 1)))).toBe("outbox");
    expect(itemKind(heldAlertKey("damkar", "piket", { incidentId: "i", round: 0, step: 1 }))).toBe("held");
    expect(itemKind(boardEntryKey("damkar", { incidentId: "i", receivedAt: "2026-11-27T13:00:00Z" }))).toBe(
      "board",
    );
    expect(itemKind(incidentKey("i"))).toBe("incident");
    expect(itemKind({ pk: "x", sk: "?" })).toBe("unknown");
  });
});
