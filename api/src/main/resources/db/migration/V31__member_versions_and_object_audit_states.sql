-- A membership carries a version, so that changing a member's role or removing them needs the
-- ETag the owner read (If-Match), like every other change.
alter table organization_membership add column version bigint not null default 0;

-- Audit states are JSON objects or null, as the contract declares: the states of bulk writes
-- (plan.statuses.set, indicator.values.import) were arrays; they are kept under "items".
update audit_entry set before_state = jsonb_build_object('items', before_state)
 where jsonb_typeof(before_state) = 'array';
update audit_entry set after_state = jsonb_build_object('items', after_state)
 where jsonb_typeof(after_state) = 'array';
