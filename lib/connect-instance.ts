/**
 * A hub's Amazon Connect instance, with the security profiles call-takers and supervisors get.
 *
 * Storage: the instance gets no storage configuration on purpose, and calls are not recorded.
 * Call recordings, chat transcripts and contact records exports would put caller data at rest in
 * the hub's Region (Singapore), outside Indonesia (PP 71/2019; recordings are personal data under
 * UU 27/2022); the flows never start recording and no prompt says a call is recorded (tested in
 * test/recording-decision.test.ts; docs/deploy.md, "Call recording").
 * Logging: contact flow logs go to the log group Connect creates itself; its retention and key are
 * set after the instance exists (lib/connect-flow-log-retention.ts), never by a LogGroup resource.
 */
import { RemovalPolicy } from "aws-cdk-lib";
import * as connect from "aws-cdk-lib/aws-connect";
import type * as kms from "aws-cdk-lib/aws-kms";
import type * as logs from "aws-cdk-lib/aws-logs";
import { Construct } from "constructs";
import { ConnectFlowLogRetention } from "./connect-flow-log-retention";

/** Permissions of a call-taker: answer calls, call back, transfer to agencies. */
export const CALL_TAKER_PERMISSIONS = ["BasicAgentAccess", "OutboundCallAccess", "TransferDestinations.View"];

/** A supervisor also sees queues, hours and real-time and historical metrics. */
export const SUPERVISOR_PERMISSIONS = [
  ...CALL_TAKER_PERMISSIONS,
  "AccessMetrics",
  "Queues.View",
  "HoursOfOperation.View",
  "RoutingPolicies.View",
  "Users.View",
];

export interface ConnectInstanceProps {
  /** Instance alias, unique per Region (becomes part of the sign-in URL). */
  readonly instanceAlias: string;
  /** @default true */
  readonly contactFlowLogs?: boolean;
  /** @default logs.RetentionDays.ONE_MONTH */
  readonly flowLogRetention?: logs.RetentionDays;
  /** Key for the flow log group (its policy must let CloudWatch Logs use it). @default AWS-owned key */
  readonly flowLogKey?: kms.IKey;
}

/**
 * @example
 * const hub = new ConnectInstance(this, "Instance", { instanceAlias: "siaga112-jawa-1" });
 * hub.instance.attrArn;
 */
export class ConnectInstance extends Construct {
  readonly instance: connect.CfnInstance;
  readonly callTakerProfile: connect.CfnSecurityProfile;
  readonly supervisorProfile: connect.CfnSecurityProfile;
  readonly flowLogs?: ConnectFlowLogRetention;

  constructor(scope: Construct, id: string, props: ConnectInstanceProps) {
    super(scope, id);
    if (!/^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,60}[a-zA-Z0-9])?$/.test(props.instanceAlias)) {
      throw new Error(
        `ConnectInstance props.instanceAlias "${props.instanceAlias}": expected up to 62 letters, digits or "-", not starting or ending with "-"`,
      );
    }
    const contactFlowLogs = props.contactFlowLogs ?? true;
    this.instance = new connect.CfnInstance(this, "Instance", {
      identityManagementType: "CONNECT_MANAGED",
      instanceAlias: props.instanceAlias,
      attributes: {
        inboundCalls: true,
        // Call-backs to silent or dropped callers.
        outboundCalls: true,
        contactflowLogs: contactFlowLogs,
        contactLens: false,
        autoResolveBestVoices: false,
        earlyMedia: true,
      },
    });
    this.instance.applyRemovalPolicy(RemovalPolicy.RETAIN);
    if (contactFlowLogs) {
      this.flowLogs = new ConnectFlowLogRetention(this, "FlowLogs", {
        instanceAlias: props.instanceAlias,
        after: this.instance,
        retention: props.flowLogRetention,
        key: props.flowLogKey,
      });
    }
    this.callTakerProfile = new connect.CfnSecurityProfile(this, "CallTaker", {
      instanceArn: this.instance.attrArn,
      securityProfileName: "siaga112-call-taker",
      description: "Penerima panggilan 112: menjawab, menelepon balik, meneruskan ke instansi",
      permissions: CALL_TAKER_PERMISSIONS,
    });
    this.supervisorProfile = new connect.CfnSecurityProfile(this, "Supervisor", {
      instanceArn: this.instance.attrArn,
      securityProfileName: "siaga112-supervisor",
      description: "Supervisor 112: seperti penerima panggilan, ditambah antrean, jam layanan dan metrik",
      permissions: SUPERVISOR_PERMISSIONS,
    });
  }
}
