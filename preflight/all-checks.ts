/**
 * Every preflight check, in the order docs/deploy.md walks a fresh account. A new check is one file
 * under `checks/` plus one line here; `siaga112 preflight --help` lists them from this array.
 */
import type { PreflightCheck } from "./check";
import { cdkBootstrap } from "./checks/cdk-bootstrap";
import { connectInstanceQuota } from "./checks/connect-instance-quota";
import { emailConfirmations } from "./checks/email-confirmations";
import { hubPhoneNumbers } from "./checks/hub-phone-numbers";
import { outboundAllowList } from "./checks/outbound-allow-list";
import { regionEnabled } from "./checks/region-enabled";
import { smsSandbox } from "./checks/sms-sandbox";
import { smsSenderId } from "./checks/sms-sender-id";
import { smsSpendLimit } from "./checks/sms-spend-limit";
import { smsType } from "./checks/sms-type";

export const PREFLIGHT_CHECKS: readonly PreflightCheck[] = [
  regionEnabled,
  cdkBootstrap,
  connectInstanceQuota,
  hubPhoneNumbers,
  outboundAllowList,
  smsSandbox,
  smsSpendLimit,
  smsType,
  smsSenderId,
  emailConfirmations,
];
