-- Who may do what, by role. Recording rules check `record.<step>`; the void needs `record.void`.
-- An admin changes the table to fit the factory (e.g. only supervisors scrap).
CREATE TABLE permissions (
    role   TEXT NOT NULL CHECK (role IN ('operator', 'supervisor', 'admin')),
    action TEXT NOT NULL,
    PRIMARY KEY (role, action)
) WITHOUT ROWID;

INSERT INTO permissions (role, action)
SELECT r.role, a.action
FROM (SELECT 'operator' AS role UNION ALL SELECT 'supervisor' UNION ALL SELECT 'admin') r
CROSS JOIN (SELECT 'record.intake' AS action UNION ALL SELECT 'record.strip' UNION ALL SELECT 'record.reball'
            UNION ALL SELECT 'record.mount' UNION ALL SELECT 'record.inspect' UNION ALL SELECT 'record.test'
            UNION ALL SELECT 'record.pack' UNION ALL SELECT 'record.close' UNION ALL SELECT 'record.ship'
            UNION ALL SELECT 'record.scrap' UNION ALL SELECT 'record.bake' UNION ALL SELECT 'label.print') a;
INSERT INTO permissions (role, action) VALUES
    ('supervisor', 'record.void'), ('supervisor', 'dashboard.view'), ('supervisor', 'sync.run'),
    ('admin', 'record.void'), ('admin', 'dashboard.view'), ('admin', 'sync.run'),
    ('admin', 'operators.manage'), ('admin', 'settings.change'), ('admin', 'templates.edit'),
    ('admin', 'limits.edit');
