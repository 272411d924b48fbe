// Lock nodes for rules that read what does not exist yet (src/write/write-locks.ts): an import
// resolving names takes the stripes of the names it reads, so two imports of the same new name
// run one after the other and the second finds the first's entity. They hold no data.
CREATE CONSTRAINT write_lock_key IF NOT EXISTS FOR (l:WriteLock) REQUIRE l.key IS UNIQUE;
