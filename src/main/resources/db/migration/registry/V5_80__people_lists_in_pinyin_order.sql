-- Lists read people in 汉语拼音 order by name (党, 何, 任 — not the code-point order 任, 何, 党)
-- through ICU's zh collation, which PostgreSQL compares per character class without a stored key.
-- Each scope level gets its index in that order, so a scoped list page still walks an index and
-- reads only its rows; the code-point indexes of V5_1 are no longer read by any list and are
-- dropped (one index less per level to maintain on every import). docs/benchmarks.md has both
-- orders measured, and a stored GB 18030 sort key as the alternative for a server without ICU.
create index people_scope_9_pinyin on registry.people (county_code, left(region_code, 9), (name collate "zh-x-icu"), id);
create index people_scope_12_pinyin on registry.people (county_code, left(region_code, 12), (name collate "zh-x-icu"), id);
create index people_scope_15_pinyin on registry.people (county_code, left(region_code, 15), (name collate "zh-x-icu"), id);
drop index registry.people_scope_9;
drop index registry.people_scope_12;
drop index registry.people_scope_15;
