/**
 * Stand-in for pg_cron 1.6 (the version hosted Supabase runs), written from its documented interface: schema
 * cron, the cron.job and cron.job_run_details tables, and cron.schedule / schedule_in_database / unschedule /
 * alter_job with the real signatures. Its objects are in schema cron whatever WITH SCHEMA says: projects write
 * `with schema pg_catalog` (Supabase's docs) and `with schema extensions` (supabase-community/postgres-new,
 * deployed on hosted Supabase), and both must apply. Scheduling a job with a name the same user already has
 * replaces it, and an unknown job to unschedule or alter is an error. Nothing ever runs: there is no
 * background worker.
 */
export const PG_CRON_SQL = String.raw`
CREATE SCHEMA cron;
GRANT USAGE ON SCHEMA cron TO public;

CREATE SEQUENCE cron.jobid_seq;
CREATE SEQUENCE cron.runid_seq;
GRANT USAGE ON SEQUENCE cron.jobid_seq TO public;

CREATE TABLE cron.job (
  jobid bigint PRIMARY KEY DEFAULT pg_catalog.nextval('cron.jobid_seq'),
  schedule text NOT NULL,
  command text NOT NULL,
  nodename text NOT NULL DEFAULT 'localhost',
  nodeport integer NOT NULL DEFAULT pg_catalog.inet_server_port(),
  database text NOT NULL DEFAULT pg_catalog.current_database(),
  username text NOT NULL DEFAULT CURRENT_USER,
  active boolean NOT NULL DEFAULT true,
  jobname name,
  CONSTRAINT jobname_username_uniq UNIQUE (jobname, username)
);
GRANT SELECT ON cron.job TO public;
ALTER TABLE cron.job ENABLE ROW LEVEL SECURITY;
CREATE POLICY cron_job_policy ON cron.job USING (username OPERATOR(pg_catalog.=) CURRENT_USER);

CREATE TABLE cron.job_run_details (
  jobid bigint,
  runid bigint PRIMARY KEY DEFAULT pg_catalog.nextval('cron.runid_seq'),
  job_pid integer,
  database text,
  username text,
  command text,
  status text,
  return_message text,
  start_time timestamptz,
  end_time timestamptz
);
GRANT SELECT, DELETE ON cron.job_run_details TO public;
ALTER TABLE cron.job_run_details ENABLE ROW LEVEL SECURITY;
CREATE POLICY cron_job_run_details_policy ON cron.job_run_details
  USING (username OPERATOR(pg_catalog.=) CURRENT_USER);

-- The schedules pg_cron accepts: five cron fields, '[1-59] seconds', or an @-macro.
CREATE FUNCTION cron._check_schedule(schedule text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF schedule IS NULL OR schedule !~ '^\s*(@(yearly|annually|monthly|weekly|daily|hourly|reboot)|[1-5]?[0-9] seconds?|\S+\s+\S+\s+\S+\s+\S+\s+\S+)\s*$' THEN
    RAISE EXCEPTION 'invalid schedule: %', schedule;
  END IF;
  RETURN schedule;
END
$$;

CREATE FUNCTION cron.schedule_in_database(
  job_name text, schedule text, command text, database text, username text DEFAULT NULL, active boolean DEFAULT true
) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  id bigint;
BEGIN
  INSERT INTO cron.job (schedule, command, database, username, active, jobname)
  VALUES (cron._check_schedule(schedule), command, database, coalesce(username, CURRENT_USER), active, job_name)
  ON CONFLICT ON CONSTRAINT jobname_username_uniq DO UPDATE
    SET schedule = EXCLUDED.schedule, command = EXCLUDED.command, database = EXCLUDED.database,
        active = EXCLUDED.active
  RETURNING jobid INTO id;
  RETURN id;
END
$$;

CREATE FUNCTION cron.schedule(job_name text, schedule text, command text) RETURNS bigint
  LANGUAGE sql AS $$ SELECT cron.schedule_in_database(job_name, schedule, command, pg_catalog.current_database()) $$;

CREATE FUNCTION cron.schedule(schedule text, command text) RETURNS bigint LANGUAGE sql AS $$
  INSERT INTO cron.job (schedule, command) VALUES (cron._check_schedule(schedule), command) RETURNING jobid
$$;

CREATE FUNCTION cron.unschedule(job_id bigint) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM cron.job WHERE jobid = job_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'could not find valid entry for job %', job_id;
  END IF;
  RETURN true;
END
$$;

CREATE FUNCTION cron.unschedule(job_name text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM cron.job WHERE jobname = job_name AND username = CURRENT_USER;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'could not find valid entry for job ''%''', job_name;
  END IF;
  RETURN true;
END
$$;

CREATE FUNCTION cron.alter_job(
  job_id bigint, schedule text DEFAULT NULL, command text DEFAULT NULL, database text DEFAULT NULL,
  username text DEFAULT NULL, active boolean DEFAULT NULL
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cron.job j
     SET schedule = CASE WHEN alter_job.schedule IS NULL THEN j.schedule
                         ELSE cron._check_schedule(alter_job.schedule) END,
         command = coalesce(alter_job.command, j.command),
         database = coalesce(alter_job.database, j.database),
         username = coalesce(alter_job.username, j.username),
         active = coalesce(alter_job.active, j.active)
   WHERE j.jobid = job_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'could not find valid entry for job %', job_id;
  END IF;
END
$$;
`
