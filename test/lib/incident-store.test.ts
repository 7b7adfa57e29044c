import { App, Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import * as kms from "aws-cdk-lib/aws-kms";
import { IncidentStore } from "../../lib/incident-store";

const shape = { partitionKey: "pk", sortKey: "sk", indexes: [{ name: "byDay", partitionKey: "dayPk" }] };

describe("IncidentStore", () => {
  const build = (extra: Partial<ConstructorParameters<typeof IncidentStore>[2]> = {}) => {
    const stack = new Stack(new App(), "S");
    new IncidentStore(stack, "Store", {
      tableName: "siaga112-71-71-incidents",
      shape,
      encryptionKey: new kms.Key(stack, "Key"),
      ...extra,
    });
    return Template.fromStack(stack);
  };

  it("defaults to deletion protection, point-in-time recovery, RETAIN and the given key", () => {
    build().hasResource("AWS::DynamoDB::Table", {
      DeletionPolicy: "Retain",
      Properties: Match.objectLike({
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { KMSMasterKeyId: Match.anyValue(), SSEEnabled: true, SSEType: "KMS" },
        GlobalSecondaryIndexes: [Match.objectLike({ IndexName: "byDay" })],
      }),
    });
  });

  it("lets a caller turn deletion protection off (e.g. a throw-away test table)", () => {
    build({ deletionProtection: false }).hasResourceProperties("AWS::DynamoDB::Table", {
      DeletionProtectionEnabled: false,
    });
  });

  it("names a bad table name", () => {
    expect(() => build({ tableName: "siaga112 71" })).toThrow('IncidentStore props.tableName "siaga112 71"');
  });
});
