/**
 * siaga112 supports Node.js 20 and later (package.json `engines`); the Lambdas run on nodejs24.x.
 * The AWS SDK for JavaScript v3 warns on every start under Node 20 that its releases after the first
 * week of January 2027 need Node 22 (https://github.com/aws/aws-sdk-js-v3/issues/7983). README says
 * so once; the CLI turns off exactly that notice with the SDK's own switch, named in the same
 * announcement, and leaves every other warning alone.
 */

/** The SDK's documented switch for its Node-version notice (read when the first client is made). */
export const NODE_VERSION_NOTICE_SWITCH = "AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED";

/**
 * Silences the SDK's Node-version notice for this process, unless the user set the switch.
 *
 * @example
 * quietNodeVersionNotice(); // before the first SDK client is created
 */
export function quietNodeVersionNotice(env: NodeJS.ProcessEnv = process.env): void {
  env[NODE_VERSION_NOTICE_SWITCH] ||= "true";
}
