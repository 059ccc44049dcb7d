-- Reserved for a migration of another branch (0021 follows it); does nothing. When that branch's
-- own 0020 arrives, it replaces this file.
SELECT 1;
