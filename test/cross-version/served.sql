-- The lists the cross-version models serve (make-dump.sh stores them,
-- check.sh compares them): a temporary view, so nothing of it is dumped.
CREATE TEMP VIEW served AS
SELECT 'recommend cv_als' AS call, u AS arg, r.rank, r.item_id, r.score
FROM generate_series(1, 60) u, recfair.recommend(u, 5, 'cv_als') r
UNION ALL
SELECT 'recommend cv_explicit', u, r.rank, r.item_id, r.score
FROM generate_series(1, 60) u, recfair.recommend(u, 5, 'cv_explicit') r
UNION ALL
SELECT 'recommend cv_popular', u, r.rank, r.item_id, r.score
FROM generate_series(1, 60) u, recfair.recommend(u, 5, 'cv_popular') r
UNION ALL
SELECT 'recommend_fair cv_als brand', u, r.rank, r.item_id, r.score
FROM generate_series(1, 60) u, recfair.recommend_fair(u, 5, 'brand', 'cv_als') r
UNION ALL
SELECT 'similar_items cv_als', i, r.rank, r.item_id, r.score
FROM generate_series(1, 30) i, recfair.similar_items(i, 5, 'cv_als') r;
