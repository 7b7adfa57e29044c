import { marshall } from "@aws-sdk/util-dynamodb";
import type { DynamoDBRecord } from "aws-lambda";
import fc from "fast-check";
import { changesOfStream } from "../../../lambdas/escalation-relay/stream-records";

describe("stream records", () => {
  it("become table changes with plain images and the sequence number as id", () => {
    const record = {
      eventID: "e1",
      eventName: "MODIFY",
      dynamodb: {
        SequenceNumber: "111",
        OldImage: marshall({ pk: "INC#a", sk: "INCIDENT", state: "received", version: 1 }),
        NewImage: marshall({ pk: "INC#a", sk: "INCIDENT", state: "classified", version: 2 }),
      },
    } as unknown as DynamoDBRecord;
    expect(changesOfStream([record])).toEqual([
      {
        id: "111",
        eventName: "MODIFY",
        oldImage: { pk: "INC#a", sk: "INCIDENT", state: "received", version: 1 },
        newImage: { pk: "INC#a", sk: "INCIDENT", state: "classified", version: 2 },
      },
    ]);
  });

  it("skip anything that is not an item change, whatever arrives", () => {
    fc.assert(
      fc.property(fc.anything(), (records) => {
        expect(() => changesOfStream(records as DynamoDBRecord[])).not.toThrow();
      }),
    );
  });
});
