-- Ruleset versions: the analysts' files as uploaded, validated and published. Exactly one row is
-- 'published' at a time; it is the one serving. 'version' is the content hash of the files, the
-- value every decision records, so the same files are the same version everywhere.
create sequence ruleset_id_seq start with 1 increment by 1;
create table ruleset (
    id            bigint       primary key,
    version       varchar(64)  not null,
    status        varchar(16)  not null,
    valid         boolean      not null,
    problems      varchar      not null default '[]',
    source        varchar(16)  not null,
    author        varchar(128) not null,
    comment       varchar(2000),
    created_at    timestamp with time zone not null,
    published_at  timestamp with time zone,
    retired_at    timestamp with time zone
);
create index ruleset_status on ruleset (status);

-- Every file of every version, whole: what was served can always be downloaded again.
create table ruleset_file (
    ruleset_id  bigint       not null references ruleset (id),
    path        varchar(300) not null,
    content     bytea        not null,
    primary key (ruleset_id, path)
);

-- Who published or rolled back what, when, and why.
create sequence ruleset_audit_id_seq start with 1 increment by 1;
create table ruleset_audit (
    id             bigint       primary key,
    ruleset_id     bigint       not null references ruleset (id),
    action         varchar(16)  not null,
    actor          varchar(128) not null,
    comment        varchar(2000),
    replaced_id    bigint,
    at             timestamp with time zone not null
);

-- The facts a decision was made from, so a draft can be simulated on real recent decisions.
alter table decision_record add column inputs varchar;
