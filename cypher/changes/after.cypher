// The log's batches from position $from on, oldest first (the seq index keeps them in order).
MATCH (b:ChangeBatch)
WHERE b.seq >= $from
RETURN b.seq AS seq, b.at AS at, b.actor AS actor, b.changes AS changes
ORDER BY b.seq
LIMIT $limit
