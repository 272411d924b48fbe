// Root connections ordered by NAME page in (name, id) order, id breaking ties between equal names.
// With id in the index the whole order comes from the index, so a page reads `first + 1` entries
// and stops; 004's (name) and (country, name) indexes left the id order to a sort (a Top over every
// company of a country at 1M entities), and the planner prefers them over these when both exist,
// so they are replaced. Under a country filter the page reads (country, name, id).
DROP INDEX company_name IF EXISTS;
DROP INDEX government_name IF EXISTS;
DROP INDEX organization_name IF EXISTS;
DROP INDEX person_name IF EXISTS;
DROP INDEX product_name IF EXISTS;
DROP INDEX partnership_name IF EXISTS;
DROP INDEX investment_name IF EXISTS;
DROP INDEX policy_name IF EXISTS;
DROP INDEX event_name IF EXISTS;
DROP INDEX metric_name IF EXISTS;
DROP INDEX place_name IF EXISTS;
DROP INDEX sector_name IF EXISTS;
DROP INDEX company_country_name IF EXISTS;
CREATE INDEX company_name_id IF NOT EXISTS FOR (n:Company) ON (n.name, n.id);
CREATE INDEX government_name_id IF NOT EXISTS FOR (n:Government) ON (n.name, n.id);
CREATE INDEX organization_name_id IF NOT EXISTS FOR (n:Organization) ON (n.name, n.id);
CREATE INDEX person_name_id IF NOT EXISTS FOR (n:Person) ON (n.name, n.id);
CREATE INDEX product_name_id IF NOT EXISTS FOR (n:Product) ON (n.name, n.id);
CREATE INDEX partnership_name_id IF NOT EXISTS FOR (n:Partnership) ON (n.name, n.id);
CREATE INDEX investment_name_id IF NOT EXISTS FOR (n:Investment) ON (n.name, n.id);
CREATE INDEX policy_name_id IF NOT EXISTS FOR (n:Policy) ON (n.name, n.id);
CREATE INDEX event_name_id IF NOT EXISTS FOR (n:Event) ON (n.name, n.id);
CREATE INDEX metric_name_id IF NOT EXISTS FOR (n:Metric) ON (n.name, n.id);
CREATE INDEX place_name_id IF NOT EXISTS FOR (n:Place) ON (n.name, n.id);
CREATE INDEX sector_name_id IF NOT EXISTS FOR (n:Sector) ON (n.name, n.id);
CREATE INDEX source_name_id IF NOT EXISTS FOR (n:Source) ON (n.name, n.id);
CREATE INDEX company_country_name_id IF NOT EXISTS FOR (n:Company) ON (n.country, n.name, n.id);
CREATE INDEX government_country_name_id IF NOT EXISTS FOR (n:Government) ON (n.country, n.name, n.id);
CREATE INDEX organization_country_name_id IF NOT EXISTS FOR (n:Organization) ON (n.country, n.name, n.id);
CREATE INDEX person_country_name_id IF NOT EXISTS FOR (n:Person) ON (n.country, n.name, n.id);
CREATE INDEX place_country_code_name_id IF NOT EXISTS FOR (n:Place) ON (n.countryCode, n.name, n.id);
