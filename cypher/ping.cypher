// Readiness probe: a trivial read that proves the database answers.
RETURN 1 AS ok
