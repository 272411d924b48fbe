// The extractor's gazetteer: every entity but sources and facts, with all its names and their languages.
MATCH (n:Entity)
WHERE NOT n.kind IN $excludedKinds
RETURN n.id AS id, n.kind AS kind, n.name AS name, coalesce(n.names, []) AS names, coalesce(n.nameLangs, []) AS langs
ORDER BY id
