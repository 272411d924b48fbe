// A page of companies of one country by name (keyset: after the last page's name and id), with up
// to 5 products each (the first by name, then id, as ours lists them). One more row than asked tells whether there is a next page. The page is read
// in (name, id) order from the Company(country, name, id) index, which needs a predicate on each of
// its properties ('' is the least string: the first page's bound excludes nothing), and stops after
// $limit entries. "After (name, id)" is one list comparison, which the planner cannot split.
MATCH (c:Company)
WHERE c.country = $country AND c.name >= coalesce($afterName, '') AND c.id IS NOT NULL
  AND ($afterName IS NULL OR [c.name, c.id] > [$afterName, $afterId])
WITH c ORDER BY c.country, c.name, c.id LIMIT $limit
CALL (c) {
  MATCH (c)-[:MAKES]->(p:Product)
  WITH p ORDER BY p.name, p.id LIMIT 5
  RETURN collect({id: p.id, name: p.name, productType: p.productType}) AS products
}
RETURN c.id AS id, c.name AS name, c.country AS country, products
