-- Lists test "holds category X today" for every row they walk and fetch each page row's current
-- categories; with the dates in the index both are answered from the index alone, without a visit
-- to the table per person.
create index person_categories_current on registry.person_categories (person_id, category_code)
    include (start_date, end_date);
drop index registry.person_categories_by_person;
