// Discarding a draft deletes it (it has no relationships). Committed drafts stay as the record of their commit.
MATCH (d:Draft {id: $id})
WITH d, d.status AS status
FOREACH (_ IN CASE WHEN status = 'OPEN' THEN [1] ELSE [] END | DELETE d)
RETURN status
