-- Starting reference data from domain.md: products, limits, defect codes and policy.
-- A factory edits these rows; the values are defaults, not laws.

INSERT INTO products (model, name, device_id, die_marking, memory_mib, memory_chips, msl) VALUES
    ('RTX4090',  'GeForce RTX 4090',   '2684', 'AD102-300-A1', 24564, 12, '3'),
    ('RTX4090D', 'GeForce RTX 4090 D', '2685', 'AD102-250-A1', 24564, 12, '3'),
    ('RTX3090',  'GeForce RTX 3090',   '2204', 'GA102-300-A1', 24576, 12, '3');

INSERT INTO limits (name, model, min_value, max_value) VALUES
    ('reball.ball_mm',         '', 0.25, 0.76),
    ('mount.peak_c.sac305',    '', 230,  250),
    ('mount.peak_c.sn63pb37',  '', 205,  225),
    ('mount.tal_s',            '', 60,   90),
    ('inspect.void_pct',       '', NULL, 25),
    ('test.pcie_gen',          '', 4,    NULL),
    ('test.pcie_width',        '', 16,   NULL),
    ('test.temp_max_c',        '', NULL, 85),
    ('test.mem_mib',   'RTX4090',  24000, 24600),
    ('test.mem_mib',   'RTX4090D', 24000, 24600),
    ('test.mem_mib',   'RTX3090',  24000, 24600);

-- RTX 3090 is PCIe Gen4 as well; the limits above apply to every model unless overridden.

INSERT INTO defect_codes (code, step, description) VALUES
    ('NO_POST',          'intake',  'no POST'),
    ('PHYSICAL_DAMAGE',  'intake',  'physical damage'),
    ('MISSING_PARTS',    'intake',  'missing parts'),
    ('LIQUID_DAMAGE',    'intake',  'liquid damage'),
    ('DIE_CHIPPED',      'strip',   'die chipped'),
    ('SUBSTRATE_CRACKED','strip',   'substrate cracked'),
    ('PADS_LIFTED',      'strip',   'pads lifted'),
    ('MEMORY_DAMAGED',   'strip',   'memory damaged'),
    ('MISSING_BALLS',    'reball',  'missing balls'),
    ('BRIDGED_BALLS',    'reball',  'bridged balls'),
    ('STENCIL_MISALIGNED','reball', 'misaligned stencil'),
    ('BRIDGE',           'inspect', 'bridge'),
    ('OPEN',             'inspect', 'open / missing ball'),
    ('VOIDS',            'inspect', 'voids over limit'),
    ('HEAD_IN_PILLOW',   'inspect', 'head-in-pillow'),
    ('NON_WET_OPEN',     'inspect', 'non-wet open'),
    ('MERGED_BALLS',     'inspect', 'merged balls'),
    ('BOARD_WARPAGE',    'inspect', 'board warpage'),
    ('PAD_CRATERING',    'inspect', 'pad cratering'),
    ('TOMBSTONE',        'inspect', 'tombstoned passive'),
    ('MISALIGNED',       'inspect', 'die misaligned'),
    ('RAIL_SHORT',       'inspect', 'power rail short'),
    ('NOT_DETECTED',     'test',    'not detected / fallen off the bus (Xid 79)'),
    ('PCIE_DEGRADED',    'test',    'PCIe generation or width degraded'),
    ('MEMORY_SIZE',      'test',    'memory size mismatch'),
    ('FAULTY_MEMORY',    'test',    'faulty memory'),
    ('MEMORY_BANDWIDTH', 'test',    'memory bandwidth low'),
    ('THERMAL',          'test',    'thermal / temperature violation'),
    ('POWER_TARGET',     'test',    'target power not reached'),
    ('GFLOPS_LOW',       'test',    'GFLOPS below threshold'),
    ('NAN_VALUES',       'test',    'NaN values'),
    ('XID_ERRORS',       'test',    'Xid errors'),
    ('ARTIFACTS',        'test',    'artifacts'),
    ('FAN_FAILURE',      'test',    'fan failure'),
    ('BURNIN_ERRORS',    'test',    'burn-in errors');

INSERT INTO config (key, value) VALUES
    ('repair.max_attempts', '2'),
    ('reflow.limit',        '3');

-- The identity used for records made by headless jobs (batch close from a script, demo data).
INSERT INTO stations (id, step, name, created_at) VALUES
    ('SYSTEM', 'system', 'headless jobs', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
-- Its PIN hash '!' matches no PIN: nobody can log in as SYSTEM.
INSERT INTO operators (id, name, role, pin_hash, active, created_at) VALUES
    ('SYSTEM', 'headless jobs', 'operator', '!', 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
