// Test only: a query that runs for seconds, to trip the transaction timeout.
UNWIND range(1, 200000000) AS x
WITH x
WHERE x % 7 = 3
RETURN count(*) AS n
