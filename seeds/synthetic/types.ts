import type { FIRM_TAGS } from "../../model/domain.ts";
import type { Props } from "../../server/seed/to-graph-rows.ts";

export type FirmTag = (typeof FIRM_TAGS)[number];

/** A node to write: its label (from model/domain.ts) is given per batch, :Synthetic is added by the query. */
export interface NodeRow {
  id: string;
  props: Props;
}

/** A relationship to write, in the demo loader's shape (`key` tells parallel ties apart). */
export interface RelRow {
  from: string;
  to: string;
  key: string;
  props: Props;
}
