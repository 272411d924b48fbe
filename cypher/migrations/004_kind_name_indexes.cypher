// Root connections page per kind, sorted by name (or filtered by country then sorted by name), with
// keyset cursors: these let Neo4j seek from the cursor instead of reading and sorting every node
// of the kind. (003's :Entity(name) index does not serve a MATCH on a kind label.)
CREATE INDEX company_name IF NOT EXISTS FOR (n:Company) ON (n.name);
CREATE INDEX company_country_name IF NOT EXISTS FOR (n:Company) ON (n.country, n.name);
CREATE INDEX government_name IF NOT EXISTS FOR (n:Government) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX product_name IF NOT EXISTS FOR (n:Product) ON (n.name);
CREATE INDEX partnership_name IF NOT EXISTS FOR (n:Partnership) ON (n.name);
CREATE INDEX investment_name IF NOT EXISTS FOR (n:Investment) ON (n.name);
CREATE INDEX policy_name IF NOT EXISTS FOR (n:Policy) ON (n.name);
CREATE INDEX event_name IF NOT EXISTS FOR (n:Event) ON (n.name);
CREATE INDEX metric_name IF NOT EXISTS FOR (n:Metric) ON (n.name);
CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name);
CREATE INDEX sector_name IF NOT EXISTS FOR (n:Sector) ON (n.name);
