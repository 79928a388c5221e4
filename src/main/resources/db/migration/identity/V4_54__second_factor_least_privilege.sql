-- No code deletes an enrolment (re-enrolling updates it): the grant goes (security.md item 10).
revoke delete on identity.second_factors from ${appRole};
