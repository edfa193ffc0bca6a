import type { Graph } from "../db/graph.ts";
import { IMPORT_KINDS, IMPORTABLE_RELATION_TYPES, type ImportKind, KIND_SPECS } from "../import/templates.ts";
import { type SheetData, toTemplateRow } from "../import/workbook.ts";
import { exportEntities, exportRelations } from "../repositories/imports.ts";

/**
 * The current data in template form, one sheet per kind, read page by page as it is written.
 * Importing the result changes nothing (figures, derived FIGURE_OF/ABOUT ties and document
 * records themselves are not part of the templates).
 */
export function exportSheets(graph: Graph, kinds: readonly ImportKind[] = IMPORT_KINDS): SheetData[] {
  return kinds.map((kind) => ({ kind, rows: rowsOf(graph, kind) }));
}

async function* rowsOf(graph: Graph, kind: ImportKind): AsyncGenerator<(string | number)[]> {
  const spec = KIND_SPECS[kind];
  if (spec.label) {
    for await (const page of exportEntities(graph, spec.label)) {
      for (const record of page) yield toTemplateRow(kind, record);
    }
    return;
  }
  const types = spec.fixedType ? [spec.fixedType] : IMPORTABLE_RELATION_TYPES.filter((type) => type !== "INVESTS_IN");
  for await (const page of exportRelations(graph, types)) {
    for (const tie of page) yield toTemplateRow(kind, tie);
  }
}
