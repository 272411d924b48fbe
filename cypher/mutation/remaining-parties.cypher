// How many participation edges a fact keeps if the edge ($from)-[$type]->($to) goes.
MATCH (f:Entity {id: $to})
RETURN f.kind AS kind,
       COUNT { MATCH (o:Entity)-[p]->(f) WHERE type(p) IN $partyTypes AND NOT (o.id = $from AND type(p) = $type) } AS others
