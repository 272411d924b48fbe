// In the commit's transaction, after the lock: the draft is committed together with its items, or not at all.
MATCH (d:Draft {id: $id})
WITH d, d.status AS before
SET d.status = 'COMMITTED', d.committedAt = coalesce(d.committedAt, datetime()), d.committedBy = coalesce(d.committedBy, $actor),
    d.updatedAt = datetime(), d.updatedBy = $actor
RETURN before
