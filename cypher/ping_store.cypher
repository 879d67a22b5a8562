// Returns one row {ok: 1}; used by readiness checks. Params: none.
RETURN 1 AS ok
