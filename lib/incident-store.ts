/**
 * A tenant's incident table: pay per request, encrypted with the tenant key, point-in-time recovery,
 * deletion protection and RETAIN, so that removing a tenant's stacks never deletes its incidents.
 */
import { RemovalPolicy } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import type * as kms from "aws-cdk-lib/aws-kms";
import { Construct } from "constructs";

/** Key schema, indexes, TTL and stream of the table (the lifecycle code owns the real one). */
export interface IncidentTableShape {
  readonly partitionKey: string;
  readonly sortKey?: string;
  readonly indexes: readonly {
    readonly name: string;
    readonly partitionKey: string;
    readonly sortKey?: string;
  }[];
  /** Attribute holding the expiry (epoch seconds), e.g. of the caller's number. */
  readonly ttlAttribute?: string;
  readonly streamViewType?: "NEW_IMAGE" | "OLD_IMAGE" | "NEW_AND_OLD_IMAGES" | "KEYS_ONLY";
}

export interface IncidentStoreProps {
  /** Physical table name, e.g. `siaga112-71-71-incidents`. */
  readonly tableName: string;
  readonly shape: IncidentTableShape;
  readonly encryptionKey: kms.IKey;
  /** @default true */
  readonly deletionProtection?: boolean;
  /** @default true */
  readonly pointInTimeRecovery?: boolean;
}

/**
 * @example
 * new IncidentStore(this, "Incidents", { tableName: "siaga112-71-71-incidents", shape, encryptionKey });
 */
export class IncidentStore extends Construct {
  readonly table: dynamodb.Table;

  constructor(scope: Construct, id: string, props: IncidentStoreProps) {
    super(scope, id);
    if (!/^[A-Za-z0-9_.-]{3,255}$/.test(props.tableName)) {
      throw new Error(
        `IncidentStore props.tableName "${props.tableName}": expected 3-255 of A-Z a-z 0-9 _ . -`,
      );
    }
    if (!props.shape.partitionKey) {
      throw new Error(
        `IncidentStore props.shape.partitionKey "${props.shape.partitionKey}": expected a name`,
      );
    }
    const key = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.Table(this, "Table", {
      tableName: props.tableName,
      partitionKey: key(props.shape.partitionKey),
      sortKey: props.shape.sortKey ? key(props.shape.sortKey) : undefined,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.encryptionKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: props.pointInTimeRecovery ?? true },
      deletionProtection: props.deletionProtection ?? true,
      removalPolicy: RemovalPolicy.RETAIN,
      timeToLiveAttribute: props.shape.ttlAttribute,
      stream: props.shape.streamViewType ? dynamodb.StreamViewType[props.shape.streamViewType] : undefined,
    });
    for (const index of props.shape.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: key(index.partitionKey),
        sortKey: index.sortKey ? key(index.sortKey) : undefined,
      });
    }
  }
}
