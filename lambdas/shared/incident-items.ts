/**
 * Shapes of the items the lifecycle functions keep beside the incident (see
 * domain/incident-table.ts for their keys), and small typed reads of them.
 */
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import type { IncidentCategory } from "../../domain/categories";
import type { AgencyStatus, Incident, IncidentLocation, Severity } from "../../domain/incident";
import { agencyAlertKey, incidentKey } from "../../domain/incident-table";
import type { DocumentStore } from "./ports";

/** One agency's progress on an incident (`agencyAlertKey`). */
export interface AgencyAlert {
  readonly incidentId: string;
  readonly agencyId: string;
  readonly agencyKind: string;
  readonly status: AgencyStatus;
  /** Position of the latest step sent or due. */
  readonly round: number;
  readonly step: number;
  /** ISO times. */
  readonly firstAlertAt?: string;
  readonly acknowledgedAt?: string;
  /** Name of the one-time schedule of the next step, cancelled on acknowledgement. */
  readonly pendingSchedule?: string;
  readonly version: number;
}

export type OutboxStatus = "pending" | "sending" | "sent" | "dead" | "skipped";

/** What an alert says, copied from the incident when the entry is written. */
export interface AlertSnapshot {
  readonly shortCode: string;
  readonly category: IncidentCategory;
  readonly severity: Severity;
  readonly location: IncidentLocation;
  readonly notes?: string;
  readonly callerNumber?: string;
  readonly receivedAt: string;
}

/** One escalation to send (`outboxKey`). */
export interface OutboxEntry extends AlertSnapshot {
  readonly incidentId: string;
  readonly agencyId: string;
  readonly round: number;
  readonly step: number;
  readonly contacts: readonly string[];
  readonly status: OutboxStatus;
  readonly attempts: number;
  /** ISO; the sweeper re-drives entries whose dueAt has passed. */
  readonly dueAt: string;
  /** Epoch ms until which a relay owns the entry. */
  readonly claimUntil?: number;
  readonly lastError?: string;
  readonly sentAt?: string;
}

/**
 * Reads the incident, or undefined.
 *
 * @example
 * const incident = await getIncident(deps.db, deps.tableName, "c0ffee");
 */
export async function getIncident(
  db: DocumentStore,
  tableName: string,
  incidentId: string,
): Promise<Incident | undefined> {
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: incidentKey(incidentId), ConsistentRead: true }),
  );
  return Item as Incident | undefined;
}

/**
 * Reads one agency's progress on an incident, or undefined.
 *
 * @example
 * const alert = await getAgencyAlert(deps.db, deps.tableName, "c0ffee", "damkar");
 */
export async function getAgencyAlert(
  db: DocumentStore,
  tableName: string,
  incidentId: string,
  agencyId: string,
): Promise<AgencyAlert | undefined> {
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: agencyAlertKey(incidentId, agencyId), ConsistentRead: true }),
  );
  return Item as AgencyAlert | undefined;
}

/** Whether an error is DynamoDB's failed condition (works for the client and document client). */
export function isConditionFailed(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === "ConditionalCheckFailedException";
}

/**
 * The snapshot of what an alert says, from a classified incident.
 *
 * @example
 * alertSnapshot(incident).category // "fire"
 */
export function alertSnapshot(incident: Incident): AlertSnapshot {
  if (!incident.category || !incident.severity || !incident.location) {
    throw new Error(`incident ${incident.incidentId}: not classified (no category, severity or location)`);
  }
  return {
    shortCode: incident.shortCode,
    category: incident.category,
    severity: incident.severity,
    location: incident.location,
    notes: incident.notes,
    callerNumber: incident.callerNumber,
    receivedAt: incident.receivedAt,
  };
}
