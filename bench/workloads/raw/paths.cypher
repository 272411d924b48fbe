// Up to 3 shortest paths of at most 4 hops over every relationship but provenance, crossing only
// companies, governments, organizations, people, products and facts (not places, sectors, metrics).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 3 (a)((x)-[:PARTY_TO|INVESTOR_IN|RAISED|FUNDS|ISSUED|AFFECTS|APPLIES_IN|INVOLVED_IN|OCCURRED_IN|RELATED_TO|ABOUT|SUBJECT_OF|REPORTED_BY|IN_MARKET|IN_REGION|MAKES|SUBSIDIARY_OF|HEADQUARTERED_IN|GOVERNS|LOCATED_IN|IN_SECTOR]-(y)
          WHERE y = b OR y:Company|Government|Organization|Person|Product|Partnership|Investment|Policy|Event){1,4}(b)
RETURN length(p) AS length,
       [n IN nodes(p) | {id: n.id, kind: n.kind, label: n.name}] AS nodes,
       [r IN relationships(p) | {type: type(r), source: startNode(r).id, target: endNode(r).id}] AS edges
ORDER BY length
