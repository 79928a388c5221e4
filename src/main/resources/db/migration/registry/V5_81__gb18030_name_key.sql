-- The stored sort key of wushe.registry.name-order=gb18030, for a PostgreSQL built without ICU: the
-- name's GB 18030 bytes, which order the 3,755 common characters of GB 2312 by 汉语拼音 (rarer ones
-- by radical after them). convert_to is only STABLE (conversions can be redefined), so an index
-- needs this IMMUTABLE wrapper; GB 18030 maps every Unicode character, so it never fails. No index
-- is built here: the ICU indexes of V5_80 serve the default order (docs/benchmarks.md).
create function registry.name_key_gb18030(name text) returns bytea
    language sql immutable strict parallel safe
    return convert_to(name, 'GB18030');
grant execute on function registry.name_key_gb18030(text) to ${appRole};
