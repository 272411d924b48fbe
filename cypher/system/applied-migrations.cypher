MATCH (m:Migration) RETURN m.version AS version, m.checksum AS checksum ORDER BY version
