// Gives a writing transaction its position in the change log and stores its changes there.
// `SET c.seq = c.seq + 1` write-locks the one counter node until the transaction ends, so the
// next writer waits here until this one has committed (or rolled back, leaving no gap): positions
// are handed out in commit order, and a reader that sees position N has already seen every one before.
// Plans are kept as the statistics change (STABLE_PLAN in src/write/graph-writer.cypher.ts).
CYPHER replan=skip
MERGE (c:ChangeCounter {id: 'graph'})
ON CREATE SET c.seq = 0, c.total = 0
SET c.seq = c.seq + 1
SET c.total = c.total + size($changes)
CREATE (b:ChangeBatch {seq: c.seq, at: datetime(), actor: $actor, count: size($changes), total: c.total, changes: $changes})
RETURN b.seq AS seq
