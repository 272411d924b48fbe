// Takes the write lock of each lock node in $keys (sorted by the caller), creating it the first
// time (the write_lock_key constraint makes concurrent creation safe). Nothing is changed.
UNWIND $keys AS key
MERGE (l:WriteLock {key: key})
SET l.__lock = true
REMOVE l.__lock
RETURN count(l) AS locked
