/** The relationship key distinguishing parallel ties of one type (LEADS per region, DEVELOPS per period). */
export function relationKey(props: { region?: string; period?: string }): string {
  return [props.region, props.period].filter(Boolean).join("|");
}
