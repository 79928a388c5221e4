-- Personal access tokens carry a scope chosen at creation (issue [S] item 6): READ allows only
-- GET/HEAD, WRITE every method. Tokens issued before scopes existed could write, so they become
-- WRITE and existing integrations keep working; their owners may replace them with read-only ones.
-- The column then has no default: the application always names the scope (its default is READ).
alter table identity.api_tokens
    add column scope text not null default 'WRITE' check (scope in ('READ', 'WRITE'));
alter table identity.api_tokens alter column scope drop default;
