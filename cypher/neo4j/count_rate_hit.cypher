// Counts one request of $key in the fixed rate-limit window that starts at $window_start (unix
// seconds); returns {hits}: the requests of $key counted in that window, this one included. One
// RateWindow node per key, outside the graph (no Entity label: never exported or counted, and the
// graph version does not move); a newer window starts the count again, an older one (a worker whose
// clock lags) adds to the current count. Setting and removing _lock takes the node's write lock before
// anything reads it, so concurrent requests from any worker queue instead of losing counts.
// Params: $key, $window_start.
MERGE (w:RateWindow {key: $key})
SET w._lock = true
REMOVE w._lock
WITH w, coalesce(w.window_start, -1) >= $window_start AS current
SET w.hits = CASE WHEN current THEN w.hits + 1 ELSE 1 END,
    w.window_start = CASE WHEN current THEN w.window_start ELSE $window_start END
RETURN w.hits AS hits
