// What still cites a source: REPORTED_IN edges to it, and relationships whose provenance names it.
MATCH (s:Source {id: $id})
RETURN COUNT { ()-[:REPORTED_IN]->(s) } AS reports,
       COUNT { MATCH ()-[r]->() WHERE r.sourceId = $id } AS citations
