// Lookups the API filters on: region kind, segment stage, the region a LEADS role holds in.
CREATE INDEX region_kind IF NOT EXISTS FOR (r:Region) ON (r.kind);
CREATE INDEX segment_stage IF NOT EXISTS FOR (s:Segment) ON (s.stage);
CREATE INDEX leads_region IF NOT EXISTS FOR ()-[l:LEADS]-() ON (l.region);
CREATE INDEX develops_period IF NOT EXISTS FOR ()-[d:DEVELOPS]-() ON (d.period);
CREATE INDEX audit_entry_at IF NOT EXISTS FOR (a:AuditEntry) ON (a.at);
CREATE INDEX import_batch_at IF NOT EXISTS FOR (b:ImportBatch) ON (b.at);
