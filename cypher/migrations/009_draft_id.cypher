// Drafts under review (draftFromText) are :Draft nodes, found by id. :Draft is not an entity label:
// no entity index, constraint or read covers it.
CREATE CONSTRAINT draft_id IF NOT EXISTS FOR (d:Draft) REQUIRE d.id IS UNIQUE;
