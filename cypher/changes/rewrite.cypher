// A later write of the same transaction: its batch holds the transaction's coalesced changes anew.
// Plans are kept as the statistics change (STABLE_PLAN in src/write/graph-writer.cypher.ts).
CYPHER replan=skip
MATCH (c:ChangeCounter {id: 'graph'})
MATCH (b:ChangeBatch {seq: $seq})
SET c.total = c.total - b.count + size($changes)
SET b.count = size($changes), b.total = c.total, b.changes = $changes
