-- The approval gate (docs/rulesets.md, "Publish: the approval gate"). A draft remembers the version
-- it was based on and its warnings; each simulation is recorded, since publish requires one of that
-- exact draft against the version serving then; the audit says who simulated, what it showed, who
-- approved and why.
alter table ruleset add column warnings varchar not null default '[]';
alter table ruleset add column base_id bigint;

create sequence ruleset_simulation_id_seq start with 1 increment by 1;
create table ruleset_simulation (
    id                 bigint        primary key,
    ruleset_id         bigint        not null references ruleset (id),
    base_id            bigint        not null references ruleset (id),
    actor              varchar(128)  not null,
    at                 timestamp with time zone not null,
    scenarios_run      boolean       not null,
    scenarios_failing  integer       not null,
    summary            varchar(2000) not null
);
create index ruleset_simulation_ruleset on ruleset_simulation (ruleset_id);

alter table ruleset_audit add column simulation_id bigint;
alter table ruleset_audit add column simulated_by varchar(128);
alter table ruleset_audit add column simulation_summary varchar(2000);
alter table ruleset_audit add column override_reason varchar(2000);
