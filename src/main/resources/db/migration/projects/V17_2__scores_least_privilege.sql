-- A score is corrected, never deleted: the grant goes (security.md item 10).
revoke delete on projects.scores from ${appRole};
