// One uploaded boundary file per region (区域分布图): planner-supplied, never shipped with the app.
CREATE CONSTRAINT boundary_region IF NOT EXISTS FOR (b:Boundary) REQUIRE b.region IS UNIQUE;
