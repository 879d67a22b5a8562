// Records weak entity-resolution matches on the source review list. Params: $items ([{review_id,
// source, incoming_key, incoming_name, incoming_country, candidate_id, candidate_name, score, seen_at}]).
// A new pair is stored as pending; a known pair keeps its status and decision (so decisions persist
// across runs) and only has its score, names and last_seen refreshed. :ReviewDecision nodes are not
// entities: never exported, counted or projected. Returns {review_id, status}.
UNWIND $items AS item
MERGE (r:ReviewDecision {review_id: item.review_id})
ON CREATE SET r += item, r.status = 'pending', r.first_seen = item.seen_at
SET r.score = item.score, r.incoming_name = item.incoming_name, r.candidate_name = item.candidate_name,
    r.last_seen = item.seen_at
RETURN r.review_id AS review_id, r.status AS status
