// Several companies by id in one statement, each with its first 5 products by name (then id).
UNWIND $ids AS id
MATCH (c:Company {id: id})
CALL (c) {
  MATCH (c)-[:MAKES]->(p:Product)
  WITH p ORDER BY p.name, p.id LIMIT 5
  RETURN collect({id: p.id, name: p.name}) AS products
}
RETURN id, {id: c.id, name: c.name, country: c.country, products: products} AS entity
