// A company card by id: its first 5 products and sectors by name (then id), as our API lists them.
MATCH (c:Company {id: $id})
CALL (c) {
  MATCH (c)-[:MAKES]->(p:Product)
  WITH p ORDER BY p.name, p.id LIMIT 5
  RETURN collect({id: p.id, name: p.name, productType: p.productType}) AS products
}
CALL (c) {
  MATCH (c)-[:IN_SECTOR]->(s:Sector)
  WITH s ORDER BY s.name, s.id LIMIT 5
  RETURN collect({id: s.id, name: s.name}) AS sectors
}
RETURN {id: c.id, name: c.name, country: c.country, products: products, sectors: sectors} AS node
