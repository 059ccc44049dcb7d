-- The test gate (issue #15): a pass without the GPU's own report, or a typed value over the
-- report's, needs a supervisor's override with a reason. Admins may change who holds it.
INSERT INTO permissions (role, action) VALUES
    ('supervisor', 'record.override'), ('admin', 'record.override');
