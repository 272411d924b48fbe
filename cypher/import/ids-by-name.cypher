// Entity resolution: an incoming entity whose id is new but one of whose names an existing entity
// of the same kind already carries is the same thing under another name.
UNWIND $rows AS row
CALL db.index.fulltext.queryNodes('entity_names', row.query) YIELD node
WITH row, node
WHERE node.kind = row.kind AND node.id <> row.id
  AND any(name IN node.names WHERE toLower(name) IN row.lowerNames)
RETURN row.id AS incoming, collect(DISTINCT node.id)[0] AS existing
