import type { Stage } from "../../../model/domain.ts";
import type { SegmentCoverage } from "../../../server/analysis/types.ts";

/** A find-segment-coverage row for unit tests: `localFirms` firms, all above-scale, one source sentence. */
export function segmentRow(id: string, stage: Stage, localFirms: number, parent: string | null = null): SegmentCoverage {
  return {
    segment: { id, _labels: ["Entity", "Segment"], name: id, stage, sourceDocs: ["doc:a"], sourceQuotes: [`${id} quote`] },
    parent,
    localFirms,
    aboveScaleFirms: localFirms,
    firmIds: [],
    reportedFirms: null,
    outputYuan: null,
    figureIds: [],
    localSupport: 0,
  };
}
