// Retention: deletes up to $limit of the oldest batches older than $retentionMs or beyond the
// newest $maxChanges changes ($maxChanges 0: no count limit). The newest batch always stays, so
// the oldest retained position is known even on a quiet system.
MATCH (c:ChangeCounter {id: 'graph'})
MATCH (b:ChangeBatch)
WHERE b.seq < c.seq
WITH c, b
ORDER BY b.seq
LIMIT $limit
WITH c, b
WHERE b.at < datetime() - duration({milliseconds: $retentionMs})
   OR ($maxChanges > 0 AND b.total <= c.total - $maxChanges)
DELETE b
RETURN count(b) AS pruned
