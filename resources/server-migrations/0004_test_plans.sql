-- Test plans shared like the other reference data (station migration 0022): each product names
-- the plan its units are tested to.
CREATE TABLE test_plans (
    name text PRIMARY KEY,
    body text NOT NULL
);
CREATE TABLE product_plans (
    model text PRIMARY KEY,
    plan  text NOT NULL
);
