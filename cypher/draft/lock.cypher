// Taken first in a commit's transaction: the write lock makes concurrent commits of one draft run
// one after the other, so the second sees the first's COMMITTED status.
MATCH (d:Draft {id: $id})
SET d.version = d.version + 1
RETURN d.version - 1 AS version, d.status AS status
