import {
  createIncidentTableInput,
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

  it("gives every (incident, agency, round, step) its own outbox key and tells item kinds apart", () => {
    expect(outboxKey("i", "damkar", 0, 1)).not.toEqual(outboxKey("i", "damkar", 1, 0));
    expect(itemKind(outboxKey("i", "damkar", 0, 1))).toBe("outbox");
    expect(itemKind(incidentKey("i"))).toBe("incident");
    expect(itemKind({ pk: "x", sk: "?" })).toBe("unknown");
  });
});
