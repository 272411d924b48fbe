MATCH (d:Draft {id: $id})
SET d.commitSummary = $summary
