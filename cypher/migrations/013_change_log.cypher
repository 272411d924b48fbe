// The change log (live updates): one counter node and one batch node per writing transaction.
CREATE CONSTRAINT change_counter_id IF NOT EXISTS FOR (c:ChangeCounter) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT change_batch_seq IF NOT EXISTS FOR (b:ChangeBatch) REQUIRE b.seq IS UNIQUE;
MERGE (c:ChangeCounter {id: 'graph'}) ON CREATE SET c.seq = 0, c.total = 0
