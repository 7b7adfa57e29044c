/**
 * The optional quick category menu of the inbound flow: one DTMF digit per category. The default
 * prompt `category-menu` says these digits; a city that changes them must re-record the prompt.
 */
import type { IncidentCategory } from "../domain/categories";

export interface CategoryMenuOption {
  readonly digit: string;
  readonly category: IncidentCategory;
}

export const CATEGORY_MENU: readonly CategoryMenuOption[] = [
  { digit: "1", category: "medical" },
  { digit: "2", category: "fire" },
  { digit: "3", category: "crime" },
];
