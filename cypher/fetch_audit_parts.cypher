// The changes of the audit entries $seqs: returns {seq, part, changes (compressed JSON text, see
// gxgraph/store/journal.py)} in entry and part order, only parts $first_part to $last_part (null: to
// the last) and, with $id, only parts whose changes concern $id. Params: $seqs, $id, $first_part,
// $last_part.
MATCH (p:AuditPart)
WHERE p.seq IN $seqs
  AND p.part >= $first_part
  AND ($last_part IS NULL OR p.part <= $last_part)
  AND ($id IS NULL OR $id IN p.ids)
RETURN p.seq AS seq, p.part AS part, p.changes AS changes
ORDER BY seq, part
