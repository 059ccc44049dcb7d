-- A forced restore (a backup with fewer events than the station has) throws recorded work away:
-- it is an admin's proven act (issue #17), not anyone's with a shell.
INSERT INTO permissions (role, action) VALUES ('admin', 'restore.force');
