-- Least privilege (issue 10 item 10): the application role keeps only what the code uses. No feature
-- deletes a person, a resident's account link, a correction request or an import job (people are
-- closed, never deleted): those grants go.
-- LeastPrivilegeIntegrationTest holds every remaining DELETE grant to a delete the code performs.
revoke delete on registry.people, registry.resident_accounts, registry.correction_requests, registry.import_jobs from ${appRole};
