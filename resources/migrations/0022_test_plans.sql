-- Test plans shared like the other reference data (issue #20): each product names the plan its
-- units are tested to; the plan (JSON, as `reworkctl parse --plan FILE` reads it) lists the runs a
-- pass needs and their limits. A product without a plan is tested as before, to the station's plan.
-- IF NOT EXISTS: a file taken back to an older schema with these tables kept migrates again.
CREATE TABLE IF NOT EXISTS test_plans (
    name TEXT PRIMARY KEY,
    body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS product_plans (
    model TEXT PRIMARY KEY,
    plan  TEXT NOT NULL
);
