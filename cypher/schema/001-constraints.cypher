// Every node the app shows carries :Entity and a unique readable id (firm:nice-group ...).
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE;
CREATE CONSTRAINT import_batch_id IF NOT EXISTS FOR (b:ImportBatch) REQUIRE b.id IS UNIQUE;
CREATE CONSTRAINT data_version_id IF NOT EXISTS FOR (v:DataVersion) REQUIRE v.id IS UNIQUE;
CREATE CONSTRAINT import_lock_id IF NOT EXISTS FOR (l:ImportLock) REQUIRE l.id IS UNIQUE;
CREATE CONSTRAINT import_staged_id IF NOT EXISTS FOR (n:ImportStaged) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT scenario_id IF NOT EXISTS FOR (s:Scenario) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT chain_stats_chain IF NOT EXISTS FOR (s:ChainStats) REQUIRE s.chain IS UNIQUE;
