// Retained changes from position $from on: in every batch, and in the batch at $from itself.
MATCH (b:ChangeBatch)
WHERE b.seq >= $from
RETURN sum(b.count) AS total, sum(CASE WHEN b.seq = $from THEN b.count ELSE 0 END) AS atFrom
