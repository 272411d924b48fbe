// The newest position handed out and the oldest batch still retained.
OPTIONAL MATCH (c:ChangeCounter {id: 'graph'})
OPTIONAL CALL () {
  MATCH (b:ChangeBatch)
  WHERE b.seq IS NOT NULL
  RETURN b.seq AS oldest
  ORDER BY b.seq
  LIMIT 1
}
RETURN coalesce(c.seq, 0) AS head, oldest
