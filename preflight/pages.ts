/** Reads every page of a paginated SDK list call. */

/**
 * @example
 * const instances = await allPages(async (NextToken) => {
 *   const page = await connect.send(new ListInstancesCommand({ NextToken }));
 *   return { items: page.InstanceSummaryList, next: page.NextToken };
 * });
 */
export async function allPages<T>(
  page: (token: string | undefined) => Promise<{ items?: readonly T[]; next?: string }>,
): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const result = await page(token);
    items.push(...(result.items ?? []));
    token = result.next;
  } while (token);
  return items;
}
