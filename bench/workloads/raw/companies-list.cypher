// A page of companies of one country by name (keyset: after the last page's name and id), with up
// to 5 products each. One more row than asked tells whether there is a next page.
MATCH (c:Company)
WHERE c.country = $country
  AND ($afterName IS NULL OR c.name > $afterName OR (c.name = $afterName AND c.id > $afterId))
WITH c ORDER BY c.name, c.id LIMIT $limit
CALL (c) {
  MATCH (c)-[:MAKES]->(p:Product)
  WITH p LIMIT 5
  RETURN collect({id: p.id, name: p.name, productType: p.productType}) AS products
}
RETURN c.id AS id, c.name AS name, c.country AS country, products
